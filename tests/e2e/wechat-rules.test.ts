import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { checkWechatArticle } from '@/lib/wechat/check-rules';
import { SECTIONS, builtArticles, canonicalOf, markedHtml, readPage } from './wechat-pages';

const siteDir = inject('siteDir');
const articles = builtArticles(siteDir);
const siteUrl = new URL(canonicalOf(readPage(siteDir, '/'))!).origin;

/** The page addresses Pagefind indexed, read from its fragment files (gzip, 12-byte signature). */
function indexedUrls(): string[] {
  const folder = join(siteDir, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) => {
    const data = gunzipSync(readFileSync(join(folder, name)));
    return (JSON.parse(data.subarray(12).toString('utf8')) as { url: string }).url;
  });
}

describe('公众号版 of every article in the sample site', () => {
  it('exists for every 学习园地 issue, report and notice', () => {
    for (const section of SECTIONS) {
      // The entries a resident finds on the section's list page.
      const list = readPage(siteDir, `/${section}/`);
      const listed = new Set(
        [...list.matchAll(new RegExp(`href="/${section}/(\\d{4}-[^"/]+)/"`, 'g'))].map((m) => m[1]),
      );
      const built = articles.filter((a) => a.section === section).map((a) => a.id);
      expect(listed.size, section).toBeGreaterThan(0);
      expect(new Set(built), section).toEqual(listed);
    }
    for (const article of articles) {
      const html = readPage(siteDir, article.wechat);
      expect(markedHtml(html), `${article.wechat} 应有一个 data-wechat-article 元素`).toBeTruthy();
    }
  });

  it('passes every WeChat paste rule', () => {
    const failures: string[] = [];
    for (const article of articles) {
      const html = markedHtml(readPage(siteDir, article.wechat))!;
      const canonical = canonicalOf(readPage(siteDir, article.page))!;
      for (const problem of checkWechatArticle(html, { siteUrl, canonical }))
        failures.push(`${article.wechat}：${problem.message}`);
    }
    expect(failures).toEqual([]);
  });

  it("keeps each article's figures, tables and closing QR code", () => {
    for (const article of articles) {
      const $ = load(markedHtml(readPage(siteDir, article.wechat))!, null, false);
      const source = load(readPage(siteDir, article.page));
      // Every figure on the article page is in the 公众号版, value and label.
      for (const stat of source('.stat').toArray()) {
        const label = source(stat).find('.stat__label').text().trim();
        expect($.root().text(), `${article.wechat} 缺少数据“${label}”`).toContain(label);
      }
      expect($('table').length).toBeGreaterThanOrEqual(source('.prose table').length);
      const qr = $('img').last().attr('src');
      expect(qr).toBe(new URL(`${article.wechat}qr.png`, siteUrl).href);
      const png = readFileSync(join(siteDir, article.wechat, 'qr.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('has a 900×383 PNG cover with the title drawn on the site red', () => {
    for (const article of articles) {
      const png = PNG.sync.read(readFileSync(join(siteDir, article.wechat, 'cover.png')));
      expect([png.width, png.height], article.wechat).toEqual([900, 383]);
      let red = 0;
      let white = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
        if (r === 0xb5 && g === 0x12 && b === 0x1b) red += 1;
        else if (r > 240 && g > 240 && b > 240) white += 1;
      }
      expect(red / (900 * 383), article.wechat).toBeGreaterThan(0.5);
      // The title's white strokes: a few per cent of the image, not none, not a blank box.
      expect(white / (900 * 383), article.wechat).toBeGreaterThan(0.02);
      expect(readPage(siteDir, article.wechat)).toContain(`href="${article.wechat}cover.png"`);
    }
  });

  it('is linked from its article page, outside print', () => {
    for (const article of articles) {
      const $ = load(readPage(siteDir, article.page));
      const link = $(`a[href="${article.wechat}"]`);
      expect(link.length, `${article.page} 应链接到 ${article.wechat}`).toBe(1);
      expect(link.closest('.no-print').length, `${article.page} 的链接打印时应隐藏`).toBe(1);
    }
  });

  it('is kept out of the sitemap and the search index', () => {
    const sitemaps = readdirSync(siteDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const name of sitemaps)
      expect(readFileSync(join(siteDir, name), 'utf8')).not.toContain('/wechat/');
    const urls = indexedUrls();
    expect(urls.some((url) => url.startsWith('/study/'))).toBe(true);
    expect(urls.filter((url) => url.includes('/wechat/'))).toEqual([]);
    for (const article of articles) {
      const html = readPage(siteDir, article.wechat);
      expect(html).not.toContain('data-pagefind-body');
      expect(load(html)('meta[name="robots"]').attr('content')).toBe('noindex');
    }
  });
});
