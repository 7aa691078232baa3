import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject } from 'vitest';
import { siteTest } from '../support/browser-test';
import { pdfPageSizes, pdfText } from './print-pdf';

const siteDir = inject('siteDir');

/** Closing punctuation that Chinese typesetting never puts at the start of a line. */
const CLOSING = '，。、；：？！）》」』”’】〕…';

const test = siteTest({ page: { viewport: { width: 1280, height: 900 } } });

/** The longest built report: the page most likely to break lines and pages badly. */
function longestReport(): string {
  const html = readFileSync(join(siteDir, 'reports/index.html'), 'utf8');
  const ids = [...new Set([...html.matchAll(/href="\/reports\/([^"/]+)\/"/g)].map((m) => m[1]!))];
  return ids
    .map((id) => ({ id, size: readFileSync(join(siteDir, 'reports', id, 'index.html')).length }))
    .sort((a, b) => b.size - a.size)[0]!.id;
}

describe('printing any page', () => {
  const paths = ['/', '/study/', '/contacts/', `/reports/${longestReport()}/`];

  test('hides navigation, search and controls, and prints black on white', async ({
    site,
    page,
  }) => {
    for (const path of paths) {
      await page.goto(site.url + path);
      await page.emulateMedia({ media: 'print' });
      for (const selector of [
        'nav',
        '.skip-link',
        '.service-bar',
        '.no-print',
        'form',
        'button',
        '.button',
      ]) {
        for (const element of await page.locator(selector).all()) {
          expect(await element.isHidden(), `${path} ${selector}`).toBe(true);
        }
      }
      const colors = await page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const header = getComputedStyle(document.querySelector('.site-header')!);
        const h1 = getComputedStyle(document.querySelector('h1')!);
        return [body.backgroundColor, body.color, header.backgroundColor, header.color, h1.color];
      });
      expect(colors, path).toEqual([
        'rgb(255, 255, 255)',
        'rgb(0, 0, 0)',
        'rgba(0, 0, 0, 0)',
        'rgb(0, 0, 0)',
        'rgb(0, 0, 0)',
      ]);
      await page.emulateMedia({ media: null });
    }
  });

  test('puts the branch name on top and the page’s address at the foot', async ({ site, page }) => {
    const settings = readFileSync(join(siteDir, 'index.html'), 'utf8');
    const branch = /<span[^>]*>([^<]*党支部)<\/span>/.exec(settings)?.[1];
    expect(branch).toBeTruthy();
    const path = `/reports/${longestReport()}/`;
    await page.goto(site.url + path);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    const pdf = await page.pdf({ format: 'A4' });
    const text = pdfText(pdf);
    const firstLines = text
      .split('\n')
      .filter((line) => line.trim())
      .slice(0, 2)
      .join(' ');
    expect(firstLines).toContain(branch);
    expect(text.replace(/\s+/g, '')).toContain(`本页网址：${canonical}`);
    expect(pdfPageSizes(pdf).length).toBeGreaterThan(1);
    for (const label of ['主导航', '跳到正文', '打印海报']) expect(text).not.toContain(label);
  });

  test('keeps closing punctuation off the start of every printed line', async ({ site, page }) => {
    await page.goto(`${site.url}/reports/${longestReport()}/`);
    const pdf = await page.pdf({ format: 'A4' });
    const lines = pdfText(pdf)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines.length).toBeGreaterThan(20);
    const bad = lines.filter((line) => CLOSING.includes(line[0]!));
    expect(bad).toEqual([]);
  });

  test('never splits a figure, image or table across pages', async ({ site, page }) => {
    await page.goto(`${site.url}/reports/${longestReport()}/`);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll('main img, main figure, main table, .stat')].map(
        (el) => getComputedStyle(el).breakInside,
      ),
    );
    expect(breaks.length).toBeGreaterThan(0);
    expect(new Set(breaks)).toEqual(new Set(['avoid']));
    expect(await page.evaluate(() => getComputedStyle(document.body).lineBreak)).toBe('strict');
    await page.emulateMedia({ media: null });
  });
});
