import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import {
  needsSmartypants,
  remarkSmartypantsWhenNeeded,
} from '../../src/lib/remark-smartypants-when-needed.ts';

const samples = [
  '## 一、工作开展情况\n\n支部坚持“三会一课”制度，走访群众896人次。\n\n1. 入户走访：共 46 户；\n2. 政策宣讲。\n',
  '居民说："以前找谁都不知道。" 现在 -- 一个电话就行...\n',
  "He said 'hello' and `code` stays.\n",
  '用实体写的引号：&quot;通知&quot; 和 &#39;说明&#39;。\n',
  '| 片区 | 人次 |\n| --- | --- |\n| 桥北 | 120 |\n\n---\n\n代码 `a--b` 不变。\n',
  '```\n"代码里的引号"\n```\n',
];

describe('needsSmartypants', () => {
  it('is false for Chinese text typed with an input method', () => {
    expect(needsSmartypants(samples[0] as string)).toBe(false);
  });
  it('is true when ASCII quotes, backticks, dashes or ellipses are present', () => {
    expect(needsSmartypants('他说"好"')).toBe(true);
    expect(needsSmartypants("it's")).toBe(true);
    expect(needsSmartypants('a -- b')).toBe(true);
    expect(needsSmartypants('等等...')).toBe(true);
    expect(needsSmartypants('``引用``')).toBe(true);
  });
});

describe('remarkSmartypantsWhenNeeded', () => {
  it('renders exactly what Astro renders with SmartyPants always on', async () => {
    const always = await createMarkdownProcessor({ smartypants: true });
    const whenNeeded = await createMarkdownProcessor({
      smartypants: false,
      remarkPlugins: [remarkSmartypantsWhenNeeded],
    });
    for (const markdown of samples) {
      const expected = (await always.render(markdown)).code;
      expect((await whenNeeded.render(markdown)).code).toBe(expected);
    }
    expect((await whenNeeded.render(samples[1] as string)).code).toContain('“以前找谁都不知道。”');
  });
});
