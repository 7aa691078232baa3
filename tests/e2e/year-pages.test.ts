import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSiteContent } from '../../bench/generate-site-content';
import { NEWEST_ON_BOARD } from '../../src/lib/notice-board';
import { runBuild } from '../support/run-build';

/**
 * Lists that grow every year (/reports/, /notices/, /study/) show the newest year and link to one
 * page per earlier year. Built from generated content spread over several years.
 */
const ENTRIES = 240;
const work = mkdtempSync(join(tmpdir(), 'year-pages-'));
const contentDir = join(work, 'content');
const siteDir = join(work, 'site');

const html = (path: string) => readFileSync(join(siteDir, path, 'index.html'), 'utf8');
const entryIds = (folder: string) =>
  readdirSync(join(contentDir, folder)).map((name) => name.replace(/\.md$/, ''));
const field = (folder: string, id: string, name: string) =>
  new RegExp(`^${name}: (.+)$`, 'm').exec(
    readFileSync(join(contentDir, folder, `${id}.md`), 'utf8'),
  )?.[1];
const yearOf = (folder: string, id: string) => field(folder, id, 'date')?.slice(0, 4);

/** What a resident sees of a list page: the entry links in it and the year links under it. */
function listPage(path: string) {
  const $ = load(html(path));
  return {
    title: $('h1').text().trim(),
    entries: $('.entry-list a')
      .map((_, a) => $(a).attr('href'))
      .get(),
    years: $('nav[aria-labelledby="year-links-title"] a')
      .map((_, a) => ({
        text: $(a).text().replace(/\s+/g, ''),
        href: $(a).attr('href'),
        current: $(a).attr('aria-current') === 'page',
      }))
      .get(),
    gzip: gzipSync(html(path), { level: 9 }).length,
  };
}

beforeAll(async () => {
  generateSiteContent(contentDir, ENTRIES);
  const { code, output } = await runBuild({ outDir: siteDir, contentDir });
  if (code !== 0) throw new Error(`生成的多年内容构建失败：\n${output}`);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each([
  { folder: 'reports', section: '/reports/', name: '工作报告', unit: '篇' },
  { folder: 'notices', section: '/notices/', name: '通知公告', unit: '条' },
  { folder: 'study', section: '/study/', name: '学习园地', unit: '期' },
])('$section 按年份分页', ({ folder, section, name, unit }) => {
  it('the list shows the newest year only and links to every year with its count', () => {
    const ids = entryIds(folder);
    const byYear = new Map<string, string[]>();
    for (const id of ids) {
      const year = yearOf(folder, id) as string;
      byYear.set(year, [...(byYear.get(year) ?? []), `${section}${id}/`]);
    }
    const years = [...byYear.keys()].sort().reverse();
    expect(years.length).toBeGreaterThan(2);
    const newest = years[0] as string;

    const index = listPage(section);
    expect(index.entries.sort()).toEqual((byYear.get(newest) ?? []).sort());
    expect(index.years).toEqual(
      years.map((year, i) => ({
        text: `${year}年（${byYear.get(year)?.length}${unit}）`,
        href: i === 0 ? section : `${section}year/${year}/`,
        current: i === 0,
      })),
    );
  });

  it('each year page lists exactly that year, and together they list every entry once', () => {
    const seen: string[] = [];
    for (const link of listPage(section).years) {
      const year = /(\d{4})年/.exec(link.text)?.[1] as string;
      const page = listPage(`${section}year/${year}/`);
      expect(page.title).toBe(`${year}年${name}`);
      for (const href of page.entries) {
        expect(yearOf(folder, href.split('/')[2] as string)).toBe(year);
      }
      expect(page.years.find((y) => y.current)?.text).toMatch(new RegExp(`^${year}年`));
      seen.push(...page.entries);
    }
    expect(seen.sort()).toEqual(
      entryIds(folder)
        .map((id) => `${section}${id}/`)
        .sort(),
    );
  });

  it('list pages stay small (gzip) however many years there are', () => {
    const sizes = [
      section,
      ...listPage(section)
        .years.slice(1)
        .map((y) => y.href as string),
    ].map((path) => listPage(path).gzip);
    // The whole archive here is about 10 KB gzip for reports; one year is a tenth of it.
    for (const size of sizes) expect(size).toBeLessThan(7 * 1024);
  });
});

describe('首页的通知', () => {
  // The day the test build runs as (tests/support/run-build.ts).
  const today = '2026-11-28';

  it('lists every pinned notice and only the newest others, with how many more there are', () => {
    const onBoard = entryIds('notices')
      .map((id) => ({
        href: `/notices/${id}/`,
        date: field('notices', id, 'date') as string,
        pinned: field('notices', id, 'pinned') === 'true',
        expires: field('notices', id, 'expires'),
      }))
      .filter((notice) => notice.expires === undefined || notice.expires >= today)
      .sort((a, b) => b.date.localeCompare(a.date));
    const others = onBoard.filter((notice) => !notice.pinned);
    // Notices without a 截止日期 never leave the board: far more of them than the home page lists.
    expect(others.length).toBeGreaterThan(NEWEST_ON_BOARD * 2);

    const $ = load(html('/'));
    const notices = $('section[aria-labelledby="notices-title"]');
    expect(
      notices
        .find('.entry-list a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      ...onBoard.filter((notice) => notice.pinned).map((notice) => notice.href),
      ...others.slice(0, NEWEST_ON_BOARD).map((notice) => notice.href),
    ]);
    const more = notices.find('.board-more a');
    expect(more.text()).toBe(
      `另有 ${others.length - NEWEST_ON_BOARD} 条较早的通知仍在有效期内：查看全部通知公告`,
    );
    expect(more.attr('href')).toBe('/notices/');
    expect(gzipSync(html('/'), { level: 9 }).length).toBeLessThan(7 * 1024);
  });
});
