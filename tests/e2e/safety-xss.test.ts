import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { pageAddresses } from '../../scripts/html-pages';
import { siteTest } from '../support/browser-test';
import { settled } from '../support/page-state';
import { repoRoot, runBuild } from '../support/run-build';

/** Every file's path and bytes, so any write, new file or deletion changes the hash. */
function hashFolder(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files)
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

const work = mkdtempSync(join(tmpdir(), 'xss-site-'));
const contentDir = join(work, 'content');
// Inside the repository: Astro puts the prerender chunks of an outDir elsewhere in the shared .astro/.
const outDir = join(repoRoot, 'tests/.output/xss-site');
let before: string;
let buildOutput = '';

const test = siteTest({
  async dir() {
    cpSync(join(repoRoot, 'tests/fixtures/minimal-content'), contentDir, { recursive: true });
    cpSync(join(repoRoot, 'tests/fixtures/xss/content'), contentDir, { recursive: true });
    before = hashFolder(contentDir);
    const { code, output } = await runBuild({ contentDir, outDir });
    buildOutput = output;
    if (code !== 0) throw new Error(`XSS 样例网站构建失败：\n${output}`);
    return outDir;
  },
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

/** Opens a page and does what a reader might: click, hover, focus, press keys. */
async function visit(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  for (const selector of [
    '#user-content-xss-click',
    'details summary',
    'td span',
    'a[id^="user-content-xss"]',
  ]) {
    for (const handle of await page.$$(selector)) {
      await handle.hover().catch(() => undefined);
      await handle.click({ timeout: 1000 }).catch(() => undefined);
    }
  }
  await page.keyboard.press('Tab');
  // Anything the page would load or run in answer has had its chance.
  await settled(page);
}

describe('an XSS corpus in every kind of content field', () => {
  test('builds, with warnings that name the code to remove', () => {
    expect(buildOutput).toContain('会被删除');
    expect(buildOutput).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  test('never writes into the content folder', () => {
    expect(hashFolder(contentDir)).toBe(before);
  });

  test('runs nothing on any page of the built site', async ({ site, browser }) => {
    const pages = pageAddresses(outDir);
    expect(pages).toEqual(expect.arrayContaining(['/', '/notices/2026-02-01-xss/', '/contacts/']));
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    const navigations: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('framenavigated', (frame) => {
      if (/^(?:javascript|data):/i.test(frame.url())) navigations.push(frame.url());
    });
    const flagged: string[] = [];
    for (const path of pages) {
      await visit(page, site.url + path);
      const flag = await page.evaluate(() => (window as { __xss?: unknown }).__xss);
      if (flag !== undefined) flagged.push(`${path}: ${JSON.stringify(flag)}`);
      expect(page.url().startsWith(site.url), `${path} 不应跳到别的网站`).toBe(true);
    }
    await context.close();
    expect(flagged).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(navigations).toEqual([]);
  });

  test('shows front-matter text as text, escaped', async ({ site, browser }) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/notices/2026-02-01-xss/`);
    expect(await page.locator('h1').innerText()).toBe(
      '<script>window.__xss="title"</script>停水通知<img src=x onerror="window.__xss=1">',
    );
    await page.goto(`${site.url}/contacts/`);
    expect(await page.locator('main').innerText()).toContain(
      '李某某<script>window.__xss="name"</script>',
    );
    await page.goto(`${site.url}/study/2026-02/`);
    expect(await page.locator('h1').innerText()).toBe(
      "第二期<script>window.__xss='study-title'</script>",
    );
    await page.close();
  });

  test('reads a file saved by Windows Notepad (BOM, CRLF) like any other', async ({
    site,
    browser,
  }) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/notices/2026-02-02-windows/`);
    expect(await page.locator('h1').innerText()).toBe('带 BOM 和 CRLF 的通知');
    expect(await page.locator('.prose p').allInnerTexts()).toEqual(['第一段。', '第二段。']);
    await page.close();
  });

  test('keeps tables, links and headings; drops scripts, frames, forms and styles', async ({
    site,
    browser,
  }) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/notices/2026-02-01-xss/`);
    const prose = page.locator('.prose');
    expect(await prose.locator('table').count()).toBe(2);
    expect(await page.locator('#user-content-kept-link').getAttribute('href')).toBe('/notices/');
    expect(await prose.locator('h2').innerText()).toBe('第二节');
    for (const tag of [
      'script',
      'iframe',
      'object',
      'embed',
      'form',
      'style',
      'svg',
      'math',
      'link',
      'meta',
      'base',
    ])
      expect(await prose.locator(tag).count(), `<${tag}>`).toBe(0);
    expect(
      await prose
        .locator('[style], [onclick], [onerror], [onload], [ontoggle], [onmouseover]')
        .count(),
    ).toBe(0);
    const hrefs = await prose
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((href) => /^\s*(?:javascript|data):/i.test(href ?? ''))).toEqual([]);
    // The injected <style> and style="" did not hide or cover the page.
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
    expect(
      await page.locator('#user-content-xss-style').evaluate((el) => getComputedStyle(el).position),
    ).toBe('static');
    // An id from content cannot take over the page's own #main.
    expect(await page.locator('[id="main"]').count()).toBe(1);
    await page.close();
  });
});
