import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWechatArticle } from '@/lib/wechat/check-rules';
import { repoRoot, runBuild } from '../support/run-build';
import { builtArticles, canonicalOf, markedHtml, readPage } from './wechat-pages';

/**
 * The sample site's articles are plain prose; this one has everything the transforms handle,
 * through the real Markdown pipeline: links of every kind, lists four levels deep, task lists,
 * a table, h5, code, a rule and raw HTML. (GFM footnotes are covered by the unit
 * tests: the content check reads a footnote definition as a link.)
 */
const work = mkdtempSync(join(tmpdir(), 'wechat-fixture-'));
const contentDir = join(work, 'content');
const outDir = join(repoRoot, 'tests/.output/wechat-fixture-site');
const SITE = 'https://test.example.cn';
let $: ReturnType<typeof load>;
let html = '';

beforeAll(async () => {
  cpSync(join(repoRoot, 'tests/fixtures/minimal-content'), contentDir, { recursive: true });
  cpSync(join(repoRoot, 'tests/fixtures/wechat/content'), contentDir, { recursive: true });
  const { code, output } = await runBuild({ contentDir, outDir });
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
});
