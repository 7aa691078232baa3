/** The search box and the search page as a resident uses them, in Chromium on the built site. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { siteTest } from '../support/browser-test';
import { repoRoot } from '../support/run-build';
import { waitForResults } from './search-site';

const siteDir = inject('siteDir');
const PHONE = { width: 360, height: 780 };

// A private copy, so a rebuild of the shared one by another test run cannot pull pages away.
const test = siteTest({ copy: true });
let context: BrowserContext;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ viewport: PHONE });
});

/** A fresh phone-sized page that records what it fetches from /pagefind/ and any CSP refusal. */
async function phonePage() {
  const page = await context.newPage();
  const pagefindRequests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/pagefind/'))
      pagefindRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, pagefindRequests, problems };
}

const resultLinks = (page: Page) =>
  page
    .locator('.search-result__title a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));

describe('the built index', () => {
  test('is written by the build into the site, in Chinese, without Pagefind’s unused interfaces', () => {
    const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    const files = readdirSync(join(siteDir, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter((name) => name.startsWith('pagefind-ui'))).toEqual([]);
    expect(existsSync(join(repoRoot, 'public/pagefind'))).toBe(false);
  });

  test('indexes only the main content of entry pages', () => {
    const study = readFileSync(join(siteDir, 'study/2026-07/index.html'), 'utf8');
    expect(study).toMatch(/<article[^>]*data-pagefind-body/);
    expect(study).toContain('data-pagefind-filter="section:学习园地"');
    expect(study).toContain('data-pagefind-filter="year:2026"');
    expect(study).toContain('data-pagefind-meta="issue:第3期"');
    const home = readFileSync(join(siteDir, 'index.html'), 'utf8');
    expect(home).not.toContain('data-pagefind-body');
  });
});

describe('the search box on every page', () => {
  test('sends the reader from a content page to the results, loading no search code before', async ({
    site,
  }) => {
    const { page, pagefindRequests, problems } = await phonePage();
    await page.goto(`${site.url}/study/2026-06/`);
    const box = page.getByRole('searchbox', { name: '搜索本站' });
    expect(await box.evaluate((input) => (input as HTMLInputElement).form?.method)).toBe('get');
    await box.fill('低保');
    expect(pagefindRequests).toEqual([]);
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=低保');
    await waitForResults(page, '低保');
    expect(await resultLinks(page)).toContain('/contacts/#liu-xiumei');

    // The cadre's result offers the call straight away and leads to their card.
    const card = page.locator('.search-result', { hasText: '刘秀梅' });
    expect(await card.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:13903101002');
    await card.locator('.search-result__title a').click();
    await page.waitForURL(/\/contacts\/#liu-xiumei$/);
    expect(await page.locator('#liu-xiumei').evaluate((el) => el.matches(':target'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the search page', () => {
  test('loads Pagefind only when the reader starts searching, and keeps the query in the address', async ({
    site,
  }) => {
    const { page, pagefindRequests, problems } = await phonePage();
    await page.goto(`${site.url}/search/`);
    await page.waitForLoadState('networkidle');
    expect(pagefindRequests).toEqual([]);

    const box = page.locator('#search-input');
    await box.click();
    await box.pressSequentially('画廊');
    await waitForResults(page, '画廊');
    expect(pagefindRequests.length).toBeGreaterThan(0);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=画廊');
    expect(await page.textContent('#search-status')).toMatch(/“画廊”找到 \d+ 条结果/);

    // Title, 栏目, date and a highlighted excerpt.
    const first = page.locator('.search-result').filter({ hasText: '建设学习型党组织' });
    expect(await first.locator('.badge').textContent()).toBe('学习园地');
    expect(await first.locator('time').textContent()).toBe('2026年5月1日');
    expect(await first.locator('.search-result__issue').textContent()).toBe('第1期');
    expect(await first.locator('mark').first().textContent()).toBe('画廊');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('opens a shared address with its query, filters and sort', async ({ site }) => {
    const { page, problems } = await phonePage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('电话')}&section=联系卡`);
    await waitForResults(page, '电话');
    expect(await page.locator('#search-input').inputValue()).toBe('电话');
    expect(await page.getByRole('checkbox', { name: /联系卡/ }).isChecked()).toBe(true);
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/contacts\/#/);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('filters by 栏目 and 年份 and sorts by date', async ({ site }) => {
    const { page } = await phonePage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('党员')}`);
    await waitForResults(page, '党员');
    const all = await resultLinks(page);
    expect(all.some((link) => link.startsWith('/study/'))).toBe(true);
    expect(all.some((link) => link.startsWith('/notices/'))).toBe(true);

    await page.getByRole('checkbox', { name: /通知公告/ }).check();
    await page.waitForURL(/section=/);
    await waitForResults(page, '党员');
    const notices = await resultLinks(page);
    expect(notices.length).toBeGreaterThan(0);
    for (const link of notices) expect(link).toMatch(/^\/notices\//);

    await page.getByRole('checkbox', { name: /通知公告/ }).uncheck();
    await page.getByLabel('年份').selectOption('2026');
    await page.getByLabel('排序').selectOption('newest');
    await page.waitForURL(/sort=newest/);
    await waitForResults(page, '党员');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2026');
    const dates = await page
      .locator('.search-result time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    await page.close();
  });

  test('says so in Chinese when nothing is found', async ({ site }) => {
    const { page } = await phonePage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('钢琴')}`);
    await waitForResults(page, '钢琴');
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(await page.textContent('#search-status')).toContain('没有找到“钢琴”');
    await page.close();
  });

  test('fits a 360 px phone with large tap targets', async ({ site }) => {
    const { page } = await phonePage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('低保')}`);
    await waitForResults(page, '低保');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          '#search-input, .search-box__submit, .chip, select, .search-result__title a, .search-result__call',
        ),
      ]
        .filter((el) => el.getBoundingClientRect().height < 44)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(small).toEqual([]);
    await page.goto(`${site.url}/notices/2026-11-20-yibao-jiaofei-tongzhi/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.close();
  });

  test('has no accessibility violations with results and filters on screen', async ({ site }) => {
    const { page } = await phonePage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('电话')}`);
    await waitForResults(page, '电话');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await page.close();
  });

  test('offers the archives when the browser runs no JavaScript', async ({ site, browser }) => {
    const noScript = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${site.url}/notices/`);
    await page.getByRole('searchbox', { name: '搜索本站' }).fill('低保');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL(/\/search\/\?q=/);
    expect(await page.locator('body').innerText()).toContain('没有开启 JavaScript');
    const browse = page.getByRole('navigation', { name: '按栏目查找' });
    for (const [name, href] of [
      ['通知公告', '/notices/'],
      ['学习园地', '/study/'],
      ['工作报告', '/reports/'],
      ['联系我们', '/contacts/'],
    ] as const) {
      expect(await browse.getByRole('link', { name }).getAttribute('href')).toBe(href);
    }
    await noScript.close();
  });
});
