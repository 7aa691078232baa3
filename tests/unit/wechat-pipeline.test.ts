import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildWechatArticle } from '@/lib/wechat/build-article';
import { checkWechatArticle } from '@/lib/wechat/check-rules';
import { siteTokens } from '@/lib/wechat/inline-styles';
import { safeMarkdown } from '@/security/markdown';

const SITE = 'https://qiaobei.example.cn';
const CANONICAL = `${SITE}/study/2026-10/`;
const css =
  siteTokens(readFileSync('src/styles/global.css', 'utf8'), '.wx-article') +
  readFileSync('src/components/wechat/article.css', 'utf8');

/** Markdown through the site's own pipeline (Sätteri and the sanitiser), as a built page has it. */
async function render(markdown: string): Promise<string> {
  const renderer = await safeMarkdown().createRenderer({ syntaxHighlight: false } as never);
  return (await renderer.render(markdown)).code;
}

describe('公众号版 of HTML from the site’s Markdown pipeline', () => {
  it('handles GFM footnotes, tables, nested lists and pasted HTML', async () => {
    const body = await render(
      [
        '## 学习要点',
        '',
        '党员要按时交纳党费[^1]，详见[党章](https://www.12371.cn/dangzhang/)。',
        '',
        '| 项目 | 人次 |',
        '| :--- | ---: |',
        '| 走访 | 896 |',
        '',
        '1. 一',
        '   - 一之一',
        '2. 二',
        '',
        '<div onclick="x()"><font color="red">红字</font><script>alert(1)</script></div>',
        '',
        '[^1]: 见《中国共产党章程》第八条。',
      ].join('\n'),
    );
    const { html } = buildWechatArticle({
      bodyHtml: body,
      meta: [],
      canonical: CANONICAL,
      qrSrc: `${CANONICAL}wechat/qr.png`,
      siteName: '桥北社区党支部',
      css,
    });
    expect(checkWechatArticle(html, { siteUrl: SITE, canonical: CANONICAL })).toEqual([]);
    const $ = load(html, null, false);
    const text = $.root().text();
    expect(text).toContain('见《中国共产党章程》第八条。');
    expect(text).not.toContain('↩');
    expect(text).toContain('党章[1]');
    expect(text).toContain('红字');
    expect(text).not.toContain('alert');
    expect(
      $('li')
        .toArray()
        .map((li) => $(li).text().trim()),
    ).toEqual(expect.arrayContaining(['一', '· 一之一', '二']));
    expect(
      $('td')
        .toArray()
        .map((td) => $(td).text()),
    ).toEqual(['走访', '896']);
  });
});
