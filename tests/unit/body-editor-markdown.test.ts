import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getSchema } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { bodyExtensions } from '../../src/cms/body-editor/extensions';
import { SourceKeeper } from '../../src/cms/body-editor/keep-source';
import {
  nodesToMarkdown,
  parseMarkdown,
  parseMarkdownTree,
} from '../../src/cms/body-editor/markdown';

/** What the Markdown says, without positions. */
const structure = (markdown: string) =>
  JSON.stringify(parseMarkdownTree(markdown), (key, value: unknown) =>
    key === 'position' ? undefined : value,
  );

const schema = getSchema(bodyExtensions());

function open(markdown: string) {
  const parsed = parseMarkdown(markdown);
  const doc = schema.nodeFromJSON(parsed.doc);
  return { doc, keeper: new SourceKeeper(markdown, parsed, doc) };
}

/** Types `text` right after the first occurrence of `anchor`, as the editor would. */
function typeAfter(doc: PMNode, anchor: string, text: string): PMNode {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(anchor)) {
      at = pos + node.text!.indexOf(anchor) + anchor.length;
    }
    return at < 0;
  });
  if (at < 0) throw new Error(`找不到 ${anchor}`);
  return EditorState.create({ doc }).tr.insertText(text, at).doc;
}

function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.filter((line, i) => a[i] !== line);
}

const bodies = ['study', 'reports', 'notices'].flatMap((folder) => {
  const dir = join(import.meta.dirname, '../../content', folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return [`${folder}/${name}`, text.slice(text.indexOf('\n---', 3) + 4)] as const;
    });
});

describe('正文编辑器的 Markdown：原样读写', () => {
  it.each(bodies)('%s：打开后不改，写回的文字一字不差', (_name, body) => {
    const { keeper } = open(body);
    // A document rebuilt from the same JSON (not the same object) still counts as unchanged.
    const again = schema.nodeFromJSON(parseMarkdown(body).doc);
    expect(keeper.serialize(again)).toBe(body);
  });

  it.each(bodies)('%s：从头重写的 Markdown 与原文结构相同', (_name, body) => {
    const doc = schema.nodeFromJSON(parseMarkdown(body).doc);
    const fresh = nodesToMarkdown(doc.toJSON().content);
    expect(structure(fresh)).toBe(structure(body));
  });
});

describe('正文编辑器的 Markdown：只改动过的地方', () => {
  const body = [
    '',
    '## 小标题',
    '',
    '第一段，写得',
    '分了两行。',
    '',
    '* 星号列表一',
    '* 星号列表二',
    '',
    '| 项目 | 数量 |',
    '|:---|---:|',
    '| 走访 | 896 |',
    '| 慰问   | 12 |',
    '',
    '最后一段 <span>原样</span>。',
    '',
  ].join('\n');

  it('改一个词只改那一段的行', () => {
    const { doc, keeper } = open(body);
    const out = keeper.serialize(typeAfter(doc, '第一段', '（改）'));
    expect(changedLines(body, out)).toEqual(['第一段（改），写得']);
  });

  it('改一个列表项：只改那一行，星号不变', () => {
    const { doc, keeper } = open(body);
    const out = keeper.serialize(typeAfter(doc, '星号列表二', '（改）'));
    expect(changedLines(body, out)).toEqual(['* 星号列表二（改）']);
  });

  it('改一个表格单元格：只改那一行，别的行不重新对齐', () => {
    const { doc, keeper } = open(body);
    const out = keeper.serialize(typeAfter(doc, '走访', '群众'));
    expect(changedLines(body, out)).toEqual(['| 走访群众 | 896 |']);
  });

  it('在段落后面新加一段：原有的行都不变', () => {
    const { doc, keeper } = open(body);
    const state = EditorState.create({ doc });
    const paragraph = schema.nodes['paragraph']!.create(null, schema.text('新的一段'));
    const out = keeper.serialize(state.tr.insert(doc.child(0).nodeSize, paragraph).doc);
    expect(out).toBe(body.replace('## 小标题\n', '## 小标题\n\n新的一段\n'));
  });

  it('新条目从空白开始：写成本站的样式', () => {
    const { doc, keeper } = open('');
    const state = EditorState.create({ doc });
    const list = schema.nodes['bulletList']!.create(
      null,
      schema.nodes['listItem']!.create(
        null,
        schema.nodes['paragraph']!.create(null, schema.text('一项')),
      ),
    );
    const next = state.tr.insertText('第一段', 1).insert(5, list).doc;
    expect(keeper.serialize(next)).toBe('第一段\n\n- 一项\n');
    expect(keeper.serialize(doc)).toBe('');
  });
});
