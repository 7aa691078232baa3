import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { checkBudgets } from '../../scripts/budgets';

const siteDir = inject('siteDir');
const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
const page = (path: string) => cheerio.load(read(`${path.replace(/^\//, '')}index.html`));
// Entry folders only: not the stats page nor the year pages (/reports/year/2025/).
const ids = (section: string) =>
  readdirSync(join(siteDir, section), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !['stats', 'year'].includes(entry.name))
    .map((entry) => entry.name);

describe('RSS', () => {
  const $ = cheerio.load(read('rss.xml'), { xml: true });
  const links = $('item > link')
    .map((_, link) => $(link).text())
    .get();

  it('lists every published notice, study issue and report, newest first', () => {
    const site = $('channel > link').text();
    expect(site).toMatch(/^https:\/\//);
    for (const section of ['notices', 'study', 'reports']) {
      for (const id of ids(section)) expect(links).toContain(`${site}${section}/${id}/`);
    }
    const dates = $('item > pubDate')
      .map((_, date) => Date.parse($(date).text()))
      .get();
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect($('channel > language').text()).toBe('zh-CN');
    expect($('item > title').first().text()).toMatch(/^【(通知公告|学习园地|工作报告)】/);
  });

  it('leaves drafts out', () => {
    expect(links.join('\n')).not.toContain('2026-11-25-shieryue-zhuti-dangri-anpai');
    expect(links.join('\n')).not.toContain('2026-11-27-hongse-jiaoyu-jidi-canguan');
  });
});

describe('sitemap', () => {
  it('lists the reading pages but not the CMS or the print sheets', () => {
    expect(read('sitemap-index.xml')).toContain('sitemap-0.xml');
    const urls = cheerio
      .load(read('sitemap-0.xml'), { xml: true })('loc')
      .map((_, loc) => new URL(cheerio.load(loc).text()).pathname)
      .get();
    expect(urls).toEqual(
      expect.arrayContaining(['/', '/contacts/', '/reports/stats/', '/search/', '/study/']),
    );
    expect(urls.filter((url) => /admin|poster|cards|sheet|404/.test(url))).toEqual([]);
  });
});

describe('sharing tags and favicon', () => {
  const paths = [
    '/',
    '/contacts/',
    '/reports/stats/',
    ...['notices', 'study', 'reports'].map((section) => `/${section}/${ids(section)[0]}/`),
  ];
  it.each(paths)('%s has description, canonical, Open Graph, favicon and feed links', (path) => {
    const $ = page(path);
    const meta = (selector: string) => $(selector).attr('content') ?? '';
    const canonical = $('link[rel="canonical"]').attr('href') ?? '';
    expect(new URL(canonical).pathname).toBe(path);
    expect(meta('meta[name="description"]').length).toBeGreaterThan(10);
    expect(meta('meta[property="og:title"]')).not.toBe('');
    expect(meta('meta[property="og:description"]')).toBe(meta('meta[name="description"]'));
    expect(meta('meta[property="og:url"]')).toBe(canonical);
    expect(meta('meta[property="og:locale"]')).toBe('zh_CN');
    expect(meta('meta[property="og:type"]')).toBe(
      /^\/(notices|study|reports)\/(?!stats)[^/]+\/$/.test(path) ? 'article' : 'website',
    );
    expect($('link[rel="icon"]').attr('href')).toBe('/favicon.svg');
    expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/rss.xml');
  });

  it('ships the favicon', () => {
    expect(read('favicon.svg')).toMatch(/^<svg[^>]+viewBox="0 0 32 32"/);
  });
});

describe('charts', () => {
  it('draws each year’s summed figures as SVG with the same numbers in a table', () => {
    const $ = page('/reports/stats/');
    const charts = $('figure.bar-chart');
    expect(charts.length).toBeGreaterThan(0);
    charts.each((_, figure) => {
      const svg = $(figure).find('svg[role="img"]');
      expect(svg.attr('aria-label')).toMatch(/条形图/);
      const bars = svg.find('.bar-chart__bar').length;
      expect($(figure).find('table tbody tr').length).toBe(bars);
      expect(bars).toBeGreaterThan(1);
    });
    // 走访群众 896 人次 comes from one report; nothing else in the sample adds to it.
    const visits = $('tr')
      .filter((_, row) => $(row).find('th').text() === '走访群众')
      .map((_, row) => $(row).find('td').text().replace(/\s+/g, ' ').trim())
      .get();
    expect(visits).toEqual(expect.arrayContaining(['896 人次', '16 户']));
    // Percentages are not added up.
    expect($('main').text()).not.toContain('党员参与率');
    expect($('h2').text()).toContain('2026年工作数据');
  });

  it('puts a small chart on the reports list, linking to the stats page', () => {
    const $ = page('/reports/');
    expect($('main figure.bar-chart svg[role="img"]').length).toBe(1);
    expect($('main details table').length).toBe(1);
    expect($('main a[href="/reports/stats/"]').length).toBe(1);
  });
});

describe('page budgets', () => {
  it('passes: article HTML, site CSS and no JavaScript beyond reading aids and search', () => {
    const { ok, lines } = checkBudgets(siteDir);
    expect(lines.join('\n'), lines.join('\n')).not.toContain('✗');
    expect(ok).toBe(true);
  });

  it('puts only the reading aids’ script on a content page, and 朗读 only on articles', () => {
    const scripts = (path: string) =>
      page(path)('script')
        .map((_, script) => page(path)(script).attr('src') ?? 'inline')
        .get();
    expect(scripts('/contacts/')).toEqual(['/reading-aids.js']);
    const study = `/study/${ids('study')[0]}/`;
    expect(scripts(study)).toEqual(['/reading-aids.js', '/read-aloud.js']);
  });
});
