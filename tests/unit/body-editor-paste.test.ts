import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdownTree } from '../../src/cms/body-editor/markdown';
import {
  MISSING_IMAGE_TEXT,
  pasteToMarkdown,
  REMOTE_IMAGE_LABEL,
} from '../../src/cms/body-editor/paste';

/** Each clipboard sample and the Markdown it must become (`<name>.md` beside it). */
const dir = join(import.meta.dirname, '../fixtures/paste');
const samples = readdirSync(dir)
  .filter((name) => /\.(html|txt)$/.test(name))
  .map((name) => {
    const raw = readFileSync(join(dir, name), 'utf8');
    const expected = readFileSync(join(dir, name.replace(/\.(html|txt)$/, '.md')), 'utf8');
    const pasted = name.endsWith('.txt') ? pasteToMarkdown('', raw) : pasteToMarkdown(raw, '');
    return { name, raw, expected, ...pasted };
  });

function nodes(markdown: string, type: string) {
  const found: { type: string; depth?: number; children?: unknown[] }[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === type) found.push(node);
    node.children?.forEach((child) => visit(child as { type: string }));
  };
  visit(parseMarkdownTree(markdown));
  return found;
}

describe('粘贴：剪贴板内容变成干净的 Markdown', () => {
  it('语料至少 8 份', () => {
    expect(samples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(samples)('$name：得到预期的 Markdown', ({ markdown, expected }) => {
    expect(markdown + '\n').toBe(expected);
  });

  it.each(samples)(
    '$name：没有字体、颜色、字号、缩进、mso 和 HTML 留下；标题从二级开始；表格没有空行',
    ({ markdown }) => {
      expect(markdown).not.toMatch(
        /mso-|font-|color|style=|&nbsp;|\u00a0|<\/?[a-z][a-z0-9]*[\s/>]/i,
      );
      expect(markdown).not.toMatch(/^\u3000/m);
      // Only nested list items start with spaces.
      expect(markdown).not.toMatch(/^ +(?![-*] |\d+\. )\S/m);
      for (const heading of nodes(markdown, 'heading')) expect(heading.depth).toBeGreaterThan(1);
      expect(markdown).not.toMatch(/^\|(\s*\|)+\s*$/m);
    },
  );

  it('Word 的编号段落成为真正的有序列表，二级编号成为嵌套列表', () => {
    const { markdown } = samples.find((s) => s.name === 'word-numbered-list.html')!;
    expect(markdown).toContain(
      '1. 每周一、三、五晚上7点至9点开展定时定点投放\n   1. 志愿者在投放点值守',
    );
    expect(markdown).not.toMatch(/^\s*1\.\s{2,}/m);
    expect(nodes(markdown, 'list')).toHaveLength(2);
  });

  it('Word 的项目符号（Wingdings、Symbol、Courier 的 o）成为无序列表', () => {
    const { markdown } = samples.find((s) => s.name === 'word-bullets.html')!;
    expect(markdown).toContain(
      '- 取暖不要使用*大功率*电器\n  - 电热毯、小太阳\n- 楼道里不要堆放杂物',
    );
  });

  it('一级标题的文档整体降级：从 ## 开始，层次不变', () => {
    const { markdown } = samples.find((s) => s.name === 'heading1-document.html')!;
    expect(markdown).toMatch(/^## 关于开展/);
    expect(markdown).toContain('### 一、服务对象');
    expect(markdown).toContain('#### （一）上门探访');
  });

  it('外部图片改成链接并提示上传；Word 本机图片留下提示文字', () => {
    const gov = samples.find((s) => s.name === 'gov-page.html')!;
    expect(gov.markdown).toContain(`[【${REMOTE_IMAGE_LABEL}】](https://www.example.gov.cn/`);
    expect(gov.notices.join('')).toContain('1 张外部网站的图片');
    expect(gov.markdown).not.toContain('![');
    const word = samples.find((s) => s.name === 'word-numbered-list.html')!;
    expect(word.markdown).toContain(MISSING_IMAGE_TEXT);
    expect(word.markdown).not.toContain('file:');
    expect(word.notices.join('')).toContain('没能随文字粘贴');
  });

  it('网页上的“打印本页”“关闭窗口”这类脚本链接连同文字去掉，普通链接保留', () => {
    const { markdown } = samples.find((s) => s.name === 'gov-page.html')!;
    expect(markdown).not.toMatch(/javascript|打印本页|关闭窗口/);
    expect(markdown).toContain('[互动交流](https://www.example.gov.cn/hdjl/)');
  });

  it('微信编辑器：手写的 1. 2. 3. 成为有序列表，加粗和倾斜保留、标点放在标记外', () => {
    const plain = samples.find((s) => s.name === 'wechat-editor-plain.html')!;
    expect(plain.markdown).toContain('1. 学习《中国共产党纪律处分条例》；\n2. 清理小区楼道杂物；');
    const article = samples.find((s) => s.name === 'wechat-article.html')!;
    expect(article.markdown).toContain('**30余名党员群众**');
    expect(article.markdown).toContain('*“入党那天的誓词，我一辈子都记得*。”82岁');
  });

  it('Excel 区域成为表格，第一行是表头', () => {
    const { markdown } = samples.find((s) => s.name === 'excel-range.html')!;
    expect(markdown.split('\n')[0]).toBe('| 项目 | 数量 | 单位 |');
    expect(markdown).toContain('| 志愿服务 | 1,520 | 小时 |');
  });

  it('纯文本：全角空格缩进去掉，每行一段', () => {
    const { markdown } = samples.find((s) => s.name === 'plain-text-indents.txt')!;
    expect(markdown.split('\n\n')).toEqual([
      '各位居民：',
      '接上级通知，本小区将于12月10日（星期三）8:00—18:00停水，请提前储水。',
      '停水期间如有困难，请联系网格员。',
      '社区居委会',
      '2026年12月1日',
    ]);
  });
});
