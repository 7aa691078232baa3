import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
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
async function render(markdown: string, publicDir?: string): Promise<string> {
  const renderer = await safeMarkdown({ publicDir }).createRenderer({
    syntaxHighlight: false,
  } as never);
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

describe('公众号版 of an uploaded picture in the body', () => {
  let publicDir = '';
  afterEach(() => {
    rmSync(publicDir, { recursive: true, force: true });
  });

  it('is one JPEG image at the 1080 variant, shown 677 px wide, with no picture, source or WebP', async () => {
    publicDir = mkdtempSync(join(tmpdir(), 'wechat-picture-'));
    mkdirSync(join(publicDir, 'uploads'));
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#b5121b' } })
      .jpeg()
      .toFile(join(publicDir, 'uploads/合影.jpg'));
    const body = await render('开会了。\n\n![支部合影](/uploads/合影.jpg)\n', publicDir);
    expect(body).toContain('<picture>');
    const { html, images } = buildWechatArticle({
      bodyHtml: body,
      meta: [],
      canonical: CANONICAL,
      qrSrc: `${CANONICAL}wechat/qr.png`,
      siteName: '桥北社区党支部',
      css,
    });
    expect(checkWechatArticle(html, { siteUrl: SITE, canonical: CANONICAL })).toEqual([]);
    const $ = load(html, null, false);
    const img = $('img').first();
    expect(img.attr('style')).toMatch(/(?:^|;)\s*width: 677px;/);
    const src = `${SITE}/_pictures/uploads/${encodeURI('合影')}-1080.jpg`;
    expect(images[0]).toBe(src);
    expect(html).not.toMatch(/<picture|<source|srcset|\.webp/);
    expect(img.attr('src')).toBe(src);
    expect(img.attr('alt')).toBe('支部合影');
  });
});
