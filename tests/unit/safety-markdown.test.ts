import { describe, expect, it } from 'vitest';
import { safeMarkdown } from '@/security/markdown';

const render = async (markdown: string) => {
  const renderer = await safeMarkdown().createRenderer({ syntaxHighlight: false } as never);
  return (await renderer.render(markdown)).code;
};

describe('the Markdown pipeline of the site', () => {
  it('keeps tables, images, links, headings, lists, quotes and code', async () => {
    const html = await render(
      [
        '## 学习要点',
        '',
        '| 项目 | 人次 |',
        '| --- | --- |',
        '| 走访 | 896 |',
        '',
        '<table><tr><th>原始</th><td>表格</td></tr></table>',
        '',
        '![活动照片](/uploads/a.jpg "标题")',
        '',
        '<img src="/uploads/b.png" alt="原始图片" width="300">',
        '',
        '[通知](/notices/) <a href="tel:13900000001">打电话</a> <a href="mailto:a@b.cn">写信</a>',
        '',
        '- 一',
        '1. 二',
        '',
        '> 引用',
        '',
        '`code`',
      ].join('\n'),
    );
    expect(html).toContain('<h2 id="学习要点">学习要点</h2>');
    expect(html).toMatch(/<table>[\s\S]*<td>896<\/td>/);
    expect(html).toContain('<th>原始</th>');
    expect(html).toContain('<img src="/uploads/a.jpg" alt="活动照片" title="标题">');
    expect(html).toContain('<img src="/uploads/b.png" alt="原始图片" width="300">');
    expect(html).toContain('<a href="/notices/">通知</a>');
    expect(html).toContain('<a href="tel:13900000001">打电话</a>');
    expect(html).toContain('<a href="mailto:a@b.cn">写信</a>');
    expect(html).toMatch(/<ul>[\s\S]*<ol>[\s\S]*<blockquote>[\s\S]*<code>code<\/code>/);
  });

  it.each([
    ['<script>alert(1)</script>', /script|alert/],
    ['<img src="/a.png" onerror="alert(1)">', /onerror|alert/],
    ['<a href="javascript:alert(1)">x</a>', /javascript|href/],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript|href/i],
    ['<a href="&#106;avascript:alert(1)">x</a>', /javascript|href/],
    ['[x](javascript:alert(1))', /javascript|href/],
    ['<iframe src="https://example.com"></iframe>', /iframe/],
    ['<svg onload="alert(1)"><circle/></svg>', /svg|onload|circle/],
    ['<style>body{display:none}</style>', /style|display/],
    ['<p style="position:fixed">x</p>', /style|fixed/],
    ['<form action="/x"><input name="a"><button>go</button></form>', /form|button|name=/],
    ['<object data="x.swf"></object><embed src="x.swf">', /object|embed/],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:|script/],
    ['<meta http-equiv="refresh" content="0;url=/x">', /meta|refresh/],
    ['<base href="https://evil.example/">', /base|evil/],
    ['<details open ontoggle="alert(1)">x</details>', /ontoggle|alert/],
  ])('drops %s', async (input, forbidden) => {
    const html = await render(`前文\n\n${input}\n\n后文`);
    expect(html).not.toMatch(forbidden);
    expect(html).toContain('前文');
    expect(html).toContain('后文');
  });

  it('prefixes ids from content so they cannot clash with the page, and fixes links to them', async () => {
    const html = await render('<h2 id="main">冒充</h2>\n\n[跳转](#main) 注释[^1]\n\n[^1]: 说明');
    expect(html).toContain('<h2 id="user-content-main">冒充</h2>');
    expect(html).toContain('<a href="#user-content-main">跳转</a>');
    expect(html).toMatch(/href="#user-content-fn-1"[\s\S]*<li id="user-content-fn-1">/);
    expect(html).toContain('注释</h2>');
  });
});
