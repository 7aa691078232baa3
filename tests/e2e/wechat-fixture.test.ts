import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWechatArticle } from '@/lib/wechat/check-rules';
import { repoRoot, runBuild } from '../support/run-build';
import { builtArticles, canonicalOf, markedHtml, readPage } from './wechat-pages';

/**
 * The sample site's articles are plain prose; this one has everything the transforms handle,
 * through the real Markdown pipeline: links of every kind, lists four levels deep, task lists,
 * a table, h5, code, a rule and raw HTML, and two uploaded pictures (a photo and a small PNG) that
 * the site serves as picture elements with WebP. (GFM footnotes are covered by the unit
 * tests: the content check reads a footnote definition as a link.)
 */
const work = mkdtempSync(join(tmpdir(), 'wechat-fixture-'));
const contentDir = join(work, 'content');
const publicDir = join(work, 'public');
// Inside the project: Astro shares .astro/.prerender between builds whose outDir is outside it.
const outDir = join(repoRoot, 'tests/.output/wechat-fixture-site');
const SITE = 'https://test.example.cn';
let $: ReturnType<typeof load>;
let html = '';

beforeAll(async () => {
  cpSync(join(repoRoot, 'tests/fixtures/minimal-content'), contentDir, { recursive: true });
  cpSync(join(repoRoot, 'tests/fixtures/wechat/content'), contentDir, { recursive: true });
  cpSync(join(repoRoot, 'public'), publicDir, { recursive: true });
  mkdirSync(join(publicDir, 'uploads'), { recursive: true });
  await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#b5121b' } })
    .jpeg()
    .toFile(join(publicDir, 'uploads/zhibu-heying.jpg'));
  await sharp({ create: { width: 500, height: 300, channels: 4, background: '#ffd70080' } })
    .png()
    .toFile(join(publicDir, 'uploads/tubiao.png'));
  const article = join(contentDir, 'study/2026-02.md');
  writeFileSync(
    article,
    readFileSync(article, 'utf8').replace(
      '---\n',
      '---\ncover: /uploads/zhibu-heying.jpg\ncoverAlt: 支部合影封面\n',
    ),
  );
  appendFileSync(
    article,
    '\n## 图片\n\n![支部合影](/uploads/zhibu-heying.jpg)\n\n![统计图](/uploads/tubiao.png)\n',
  );
  process.env.SITE_PUBLIC_DIR = publicDir;
  const { code, output } = await runBuild({ contentDir, outDir }).finally(
    () => delete process.env.SITE_PUBLIC_DIR,
  );
  if (code !== 0) throw new Error(`公众号样例网站构建失败：\n${output}`);
  html = markedHtml(readPage(outDir, '/study/2026-02/wechat/')) ?? '';
  $ = load(html, null, false);
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('公众号版 of a richly formatted article', () => {
  it('passes every rule, on this and every other article of the site', () => {
    const failures = builtArticles(outDir).flatMap((article) =>
      checkWechatArticle(markedHtml(readPage(outDir, article.wechat)) ?? '', {
        siteUrl: SITE,
        canonical: canonicalOf(readPage(outDir, article.page))!,
      }).map((problem) => `${article.wechat}：${problem.message}`),
    );
    expect(failures).toEqual([]);
  });

  it('lists links under 引用链接, numbered by address; keeps only 公众号 links', () => {
    const text = $.root().text();
    expect(text).toContain('上一期学习园地[1]');
    expect(text).toContain('中国政府网的政策原文[2]');
    expect(text).toContain('同一篇原文[2]');
    expect(text).toContain('https://www.12371.cn/[3]');
    expect(text).toContain('0310-1234567');
    const notes = $('p')
      .toArray()
      .map((p) => $(p).text())
      .filter((line) => /^\[\d\]/.test(line));
    expect(notes).toEqual([
      `[1] 上一期学习园地：${SITE}/study/2026-01/`,
      '[2] 中国政府网的政策原文：https://www.gov.cn/zhengce/',
      '[3] https://www.12371.cn/',
    ]);
    expect(
      $('a')
        .toArray()
        .map((a) => a.attribs['href']),
    ).toEqual(['https://mp.weixin.qq.com/s/abcdef']);
  });

  it('flattens lists four levels deep into one list with text markers', () => {
    const items = $('li')
      .toArray()
      .map((li) => $(li).text().trim());
    expect(items).toEqual(
      expect.arrayContaining([
        '第一项',
        '· 第一项下的要点',
        '· 更细的一条',
        '1. 第四层',
        '第二项',
        '· 乙',
      ]),
    );
    for (const list of $('ul, ol').toArray()) expect($(list).parents('li, ul, ol')).toHaveLength(0);
    expect(html).toContain('☑');
  });

  it('keeps the table, code and raw HTML text in allowed tags', () => {
    const text = $.root().text();
    expect(
      $('td')
        .toArray()
        .map((td) => $(td).text()),
    ).toEqual(['走访', '896', '人次']);
    expect(text).toContain('代码块第一行\n代码块第二行');
    expect($('strong').text()).toContain('原始 HTML 的粗体');
    expect($('h4').text()).toContain('五级标题');
    expect(text).toContain('删掉的话');
  });

  it('shows the cover and each uploaded picture as one JPEG/PNG image the build made, sized for the column', () => {
    const page = load(readPage(outDir, '/study/2026-02/'));
    // The page itself offers WebP: what the 公众号版 must not pass on.
    expect(page('main picture source[type="image/webp"]').length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/<picture|<source|srcset|\.webp/);
    const images = $('img')
      .toArray()
      .map((img) => ({
        src: img.attribs['src'],
        alt: img.attribs['alt'],
        width: /(?:^|;)\s*width:\s*([^;]+);/.exec(img.attribs['style'] ?? '')?.[1],
      }));
    expect(images.slice(0, 3)).toEqual([
      {
        src: `${SITE}/_pictures/uploads/zhibu-heying-1080.jpg`,
        alt: '支部合影封面',
        width: '677px',
      },
      { src: `${SITE}/_pictures/uploads/zhibu-heying-1080.jpg`, alt: '支部合影', width: '677px' },
      { src: `${SITE}/_pictures/uploads/tubiao-500.png`, alt: '统计图', width: '500px' },
    ]);
    for (const { src } of images.slice(0, 3)) {
      const file = join(outDir, new URL(src!).pathname);
      expect(existsSync(file), `${src} is in the built site`).toBe(true);
    }
    expect(readFileSync(join(outDir, '_pictures/uploads/zhibu-heying-1080.jpg'))[0]).toBe(0xff);
  });

  it('keeps the RSS feed free of picture markup and relative image addresses', () => {
    const feed = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('/study/2026-02/');
    expect(feed).not.toMatch(/<picture|&lt;picture|<source|&lt;source|srcset|_pictures/);
  });
});
