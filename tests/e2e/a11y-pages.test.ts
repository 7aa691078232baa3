import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { siteTest, type SiteFixtures } from '../support/browser-test';

const siteDir = inject('siteDir');
// A private copy: other test files rebuild the shared sample site while this one runs.
const test = siteTest({ copy: { without: 'admin' } });

/** The first built entry of a collection, e.g. /study/2026-05/. */
function firstEntry(section: string): string {
  const id = readdirSync(join(siteDir, section), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'stats')
    .map((entry) => entry.name)
    .sort()[0];
  if (!id) throw new Error(`示例网站没有 ${section} 条目`);
  return `/${section}/${id}/`;
}

const PAGES = [
  '/',
  '/notices/',
  '/study/',
  '/reports/',
  '/contacts/',
  '/search/',
  '/reports/stats/',
  '/404.html',
  ...['notices', 'study', 'reports'].map(firstEntry),
];

const MODES = [
  { name: '标准', storage: {} },
  {
    name: '大字号 + 高对比度',
    storage: { 'reading-aids:text-size': 'large', 'reading-aids:contrast': 'high' },
  },
  { name: '特大字号', storage: { 'reading-aids:text-size': 'xlarge' } },
] as const;

async function openPhone(
  { site, browser }: SiteFixtures,
  path: string,
  storage: Record<string, string>,
): Promise<Page> {
  // axe needs a page in its own context.
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.addInitScript((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, storage);
  const response = await page.goto(site.url + path);
  expect(response?.status(), path).toBeLessThan(path.includes('404') ? 500 : 400);
  return page;
}

/** Controls a finger has to hit: buttons, form fields and the navigation (not links in a sentence). */
async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.$$eval(
    'button, .button, summary, input:not([type="hidden"]), select, .site-nav a',
    (elements, min) =>
      elements
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.height < min - 0.5)
        .map(
          ({ element, box }) =>
            `${element.textContent?.trim() || element.outerHTML.slice(0, 60)}：${Math.round(box.height)}px`,
        ),
    min,
  );
}

test('builds the search page, so it is checked with the rest', ({ site }) => {
  expect(existsSync(join(site.dir, 'search/index.html'))).toBe(true);
});

describe.each(MODES)('$name', ({ name, storage }) => {
  test.for(PAGES)(`axe 无违规，字号、目标大小和版面合格：%s`, async (path, { site, browser }) => {
    const page = await openPhone({ site, browser }, path, storage);
    try {
      const results = await new AxeBuilder({ page }).analyze();
      const violations = results.violations.map(
        (violation) =>
          `${violation.id}（${violation.impact}）：${violation.help}\n` +
          violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
      );
      expect(violations, `${path}（${name}）`).toEqual([]);

      const body = await page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return {
          fontSize: parseFloat(style.fontSize),
          lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      const expected = 'reading-aids:text-size' in storage ? 22 : 18;
      expect(body.fontSize, '正文字号').toBeGreaterThanOrEqual(expected);
      expect(body.lineHeight, '行高').toBeGreaterThanOrEqual(1.7);
      expect(body.overflow, '手机上不能横向滚动').toBeLessThanOrEqual(0);
      expect(await smallTargets(page, 44), '点按目标至少 44px').toEqual([]);
      if ('reading-aids:text-size' in storage) {
        expect(
          await page.$$eval('.reading-aids__button, .site-nav a, .button', (elements) =>
            elements
              .filter((element) => (element as HTMLElement).offsetParent !== null)
              .filter((element) => element.getBoundingClientRect().height < 59.5)
              .map((element) => element.textContent?.trim()),
          ),
          '大字模式下按钮至少 60px',
        ).toEqual([]);
      }
    } finally {
      await page.context().close();
    }
  });
});

test('shows the skip link with a visible focus ring on the first Tab', async ({
  site,
  browser,
}) => {
  const page = await openPhone({ site, browser }, '/study/', {});
  try {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent?.trim(),
        outline: parseFloat(style.outlineWidth),
        outlineStyle: style.outlineStyle,
        visible: box.top >= 0 && box.height > 0,
      };
    });
    expect(focused.text).toBe('跳到正文');
    expect(focused.visible).toBe(true);
    expect(focused.outlineStyle).not.toBe('none');
    expect(focused.outline).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  } finally {
    await page.context().close();
  }
});
