import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { siteTest, type ServedSite } from '../support/browser-test';
import { pdfInfoPages, pdfPageSizes, pdfText, printToPdf } from './print-pdf';

const siteDir = inject('siteDir');
const PAPER = { a3: { width: 297, height: 420 }, a4: { width: 210, height: 297 } } as const;

const test = siteTest({ page: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 } });

/**
 * Entries listed on a section's index, each of which should have a poster, e.g. every published
 * 学习园地 issue. Entry ids start with their date (2026-05, 2026-03-15-…); other links on the index,
 * such as /reports/stats/, are not entries.
 */
function postersOf(section: 'study' | 'reports'): string[] {
  const html = readFileSync(join(siteDir, section, 'index.html'), 'utf8');
  const entryLink = new RegExp(`href="/${section}/(\\d{4}-[^"/]+)/"`, 'g');
  const ids = [...html.matchAll(entryLink)].map((m) => m[1]!);
  return [...new Set(ids)];
}

/** The canonical (absolute, siteUrl-based) address of a built page. */
function canonicalOf(path: string): string {
  const html = readFileSync(join(siteDir, path, 'index.html'), 'utf8');
  const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  expect(href, `${path} 应有 canonical 网址`).toBeTruthy();
  return href!;
}

/** Opens a poster page (`…/poster/`, or `…/poster/#a4` for A4) once its fit check has run. */
async function openPoster(page: Page, site: ServedSite, path: string) {
  const paper = path.endsWith('#a4') ? 'a4' : 'a3';
  // A fresh load each time: switching on a loaded page is tested on its own.
  await page.goto('about:blank');
  const response = await page.goto(site.url + path);
  expect(response?.status(), `${path} 应存在`).toBe(200);
  await page.waitForSelector(`html[data-fit-checked="${paper}"]`, { state: 'attached' });
  return page.locator('.poster');
}

/** Screenshot of the QR code alone → pixels → jsQR. */
async function decodeQr(page: Page, selector: string): Promise<string | undefined> {
  const png = PNG.sync.read(await page.locator(selector).first().screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('学习园地 posters', () => {
  const ids = postersOf('study');

  test('exist for every published issue', () => expect(ids.length).toBeGreaterThanOrEqual(6));

  test('print every issue on exactly one A3 sheet by default, and one A4 sheet when chosen', async ({
    site,
    page,
  }) => {
    for (const id of ids) {
      for (const size of ['a3', 'a4'] as const) {
        const path = size === 'a3' ? `/study/${id}/poster/` : `/study/${id}/poster/#a4`;
        const poster = await openPoster(page, site, path);
        expect(await poster.getAttribute('data-fit-ok'), `${path} 应能放进一张纸`).toBe('true');
        expect(await page.locator('[data-fit-warning]').isHidden()).toBe(true);
        const pdf = await printToPdf(page);
        const sizes = pdfPageSizes(pdf);
        expect(sizes, path).toHaveLength(1);
        expect(pdfInfoPages(pdf)).toBe(1);
        expect(sizes[0]!.width).toBeCloseTo(PAPER[size].width, 0);
        expect(Math.abs(sizes[0]!.height - PAPER[size].height)).toBeLessThan(0.5);
      }
    }
  });

  test('shows the title, 第N期, month and the sections in columns', async ({ site, page }) => {
    const id = ids[0]!;
    const articleHtml = readFileSync(join(siteDir, 'study', id, 'index.html'), 'utf8');
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(articleHtml)![1]!;
    await openPoster(page, site, `/study/${id}/poster/`);
    expect(await page.locator('.poster__title').textContent()).toBe(title);
    const facts = await page.locator('.poster__facts').textContent();
    expect(facts).toMatch(/第\d+期/);
    expect(facts).toMatch(/\d{4}年\d{1,2}月/);
    expect(await page.locator('.poster__columns h2').count()).toBeGreaterThanOrEqual(2);
    expect(
      await page.locator('.poster__columns').evaluate((el) => getComputedStyle(el).columnCount),
    ).toBe('3');
  });

  test('has a QR code that scans to the issue’s online address, printed beneath it', async ({
    site,
    page,
  }) => {
    for (const id of ids.slice(0, 2)) {
      const url = canonicalOf(`study/${id}`);
      expect(url).toMatch(/^https:\/\//);
      await openPoster(page, site, `/study/${id}/poster/`);
      expect(await decodeQr(page, '.poster .qr__code')).toBe(url);
      expect(await page.locator('.poster .qr__url').textContent()).toBe(url);
      // At least 3 cm across on paper (96 CSS px = 25.4 mm).
      const box = (await page.locator('.poster .qr__code').boundingBox())!;
      expect((box.width * 25.4) / 96).toBeGreaterThanOrEqual(30);
    }
  });

  test('is opened from a button on the issue page that does not print', async ({ site, page }) => {
    const id = ids[0]!;
    await page.goto(`${site.url}/study/${id}/`);
    const button = page.locator(`a[href="/study/${id}/poster/"]`);
    await expect(button.textContent()).resolves.toBe('打印海报');
    await page.emulateMedia({ media: 'print' });
    expect(await button.isHidden()).toBe(true);
    await page.emulateMedia({ media: null });
    await button.click();
    await page.waitForURL(`**/study/${id}/poster/`);
    await page.waitForSelector('html[data-fit-checked="a3"]', { state: 'attached' });
    expect(await page.locator('.toolbar a[aria-current="page"]').textContent()).toContain('A3');
    expect(await page.locator('.toolbar__hint:visible').textContent()).toContain('A3 纸');

    // Choosing A4 on the same page: the sheet, the hint and the fit follow, and it prints on A4.
    await page.locator('.toolbar a', { hasText: 'A4' }).click();
    await page.waitForSelector('html[data-fit-checked="a4"]', { state: 'attached' });
    expect(page.url()).toMatch(/\/poster\/#a4$/);
    expect(await page.locator('.toolbar a[aria-current="page"]').textContent()).toContain('A4');
    expect(await page.locator('.toolbar__hint:visible').textContent()).toContain('A4 纸');
    const width = await page.locator('.poster').evaluate((el) => el.getBoundingClientRect().width);
    expect((width * 25.4) / 96).toBeCloseTo(210, 0);
    expect(pdfPageSizes(await printToPdf(page))[0]!.width).toBeCloseTo(210, 0);

    await page.locator('.toolbar a', { hasText: 'A3' }).click();
    await page.waitForSelector('html[data-fit-checked="a3"]', { state: 'attached' });
    expect(pdfPageSizes(await printToPdf(page))[0]!.width).toBeCloseTo(297, 0);
  });
});

describe('工作报告 posters', () => {
  const ids = postersOf('reports');

  test('exist for every published report', () => expect(ids.length).toBeGreaterThanOrEqual(3));

  test('print on one A3 sheet, with the figures as big numbers', async ({ site, page }) => {
    for (const id of ids) {
      await openPoster(page, site, `/reports/${id}/poster/`);
      const pdf = await printToPdf(page);
      expect(pdfPageSizes(pdf)).toHaveLength(1);
      expect(pdfPageSizes(pdf)[0]!.width).toBeCloseTo(297, 0);
      expect(await decodeQr(page, '.poster .qr__code')).toBe(canonicalOf(`reports/${id}`));
      const articleStats = readFileSync(join(siteDir, 'reports', id, 'index.html'), 'utf8').match(
        /class="stat"/g,
      );
      expect(await page.locator('.poster-stat').count()).toBe(articleStats?.length ?? 0);
    }
    const report = ids.find((id) =>
      readFileSync(join(siteDir, 'reports', id, 'index.html'), 'utf8').includes('896'),
    )!;
    await openPoster(page, site, `/reports/${report}/poster/`);
    const stat = page.locator('.poster-stat', { hasText: '896' });
    expect(await stat.textContent()).toContain('走访群众');
    const valueSize = await stat
      .locator('.poster-stat__value')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const bodySize = await page
      .locator('.poster__columns p')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(valueSize).toBeGreaterThan(bodySize * 2.5);
  });

  test('shrinks a long report within limits and warns on screen, never on paper, when it still does not fit', async ({
    site,
    page,
  }) => {
    const long = ids
      .map((id) => ({ id, size: readFileSync(join(siteDir, 'reports', id, 'index.html')).length }))
      .sort((a, b) => b.size - a.size)[0]!.id;
    const a3 = await openPoster(page, site, `/reports/${long}/poster/`);
    const scale = Number(await a3.getAttribute('data-fit-scale'));
    expect(scale).toBeLessThan(1);
    expect(scale).toBeGreaterThanOrEqual(0.7);

    const a4 = await openPoster(page, site, `/reports/${long}/poster/#a4`);
    expect(await a4.getAttribute('data-fit-ok')).toBe('false');
    const warning = page.locator('[data-fit-warning]');
    expect(await warning.isVisible()).toBe(true);
    const message = (await warning.textContent())!;
    expect(message).toContain('内容太长');
    await page.emulateMedia({ media: 'print' });
    expect(await warning.isHidden()).toBe(true);
    await page.emulateMedia({ media: null });
    const pdf = await printToPdf(page);
    expect(pdfPageSizes(pdf)).toHaveLength(1);
    expect(pdfText(pdf)).not.toContain('内容太长');
  });
});
