import { describe, expect, it } from 'vitest';
import { sameMarkdown } from '../../src/cms/same-markdown';

const body = [
  '',
  '## 本支部的学习安排',
  '',
  '从本月起，党支部每月确定一个学习主题。',
  '',
  '- 每月第一周：支部委员会确定主题；',
  '- 每月主题党日：集中学习。',
  '',
  '| 事项 | 哪些人可以申请 |',
  '| --- | --- |',
  '| 低保 | 家庭人均收入低于当地低保标准的家庭 |',
  '',
].join('\n');

/** The same body as the rich text editor writes it back. */
const rewritten = [
  '## 本支部的学习安排',
  '',
  '从本月起，党支部每月确定一个学习主题。',
  '',
  '* 每月第一周：支部委员会确定主题；',
  '* 每月主题党日：集中学习。',
  '',
  '| 事项   | 哪些人可以申请           |',
  '| ---- | ----------------- |',
  '| 低保   | 家庭人均收入低于当地低保标准的家庭 |',
].join('\n');

describe('sameMarkdown', () => {
  it('treats the editor’s rewriting of bullets, table padding and blank lines as no change', () => {
    expect(sameMarkdown(body, rewritten)).toBe(true);
  });

  it.each([
    ['a changed word', rewritten.replace('集中学习', '分组学习')],
    ['an added item', rewritten.replace('集中学习。', '集中学习。\n* 每季度一次：讲党课。')],
    ['a heading level', rewritten.replace('## 本支部', '### 本支部')],
    ['one paragraph split in two', rewritten.replace('党支部每月', '党支部\n\n每月')],
    ['emphasis', rewritten.replace('学习主题', '**学习主题**')],
    ['a table cell', rewritten.replace('低保   |', '特困   |')],
    ['a numbered list instead of bullets', rewritten.replace(/^\* /gm, '1. ')],
  ])('sees %s as a change', (_name, edited) => {
    expect(sameMarkdown(body, edited)).toBe(false);
  });
});
