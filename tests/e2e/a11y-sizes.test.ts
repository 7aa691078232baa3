import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { siteTest, type ServedSite } from '../support/browser-test';
import { describe as list, scanPage } from './a11y-scan';
import { SIZE_FLOORS } from '@/data/accessibility-clauses';

const siteDir = inject('siteDir');
// A private copy: other test files rebuild the shared sample site while this one runs.
const test = siteTest({ copy: { without: 'admin' } });

/** The newest built entry of a collection, e.g. /study/2026-10/. */
function newestEntry(section: string): string {
  const id = readdirSync(join(siteDir, section), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}-/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .at(-1);
  if (!id) throw new Error(`示例网站没有 ${section} 条目`);
  return `/${section}/${id}/`;
}

/** Every kind of page a resident opens; the search page with a query, so results are scanned. */
const PAGES = [
  '/',
  '/notices/',
  newestEntry('notices'),
  '/study/',
  newestEntry('study'),
  '/reports/',
  newestEntry('reports'),
  '/reports/stats/',
  '/contacts/',
  '/search/?q=低保',
  '/accessibility/',
  '/404.html',
];

/** Print pages: only their on-screen toolbar is read on a screen. */
const PRINT_PAGES = [`${newestEntry('study')}poster/`, '/contacts/cards/', '/contacts/sheet/'];

const SIZES = [
  { size: 'standard', sizeLabel: '标准' },
  { size: 'large', sizeLabel: '大' },
  { size: 'xlarge', sizeLabel: '特大' },
] as const;
const CONTRASTS = [
  { contrast: 'normal', contrastLabel: '普通' },
  { contrast: 'high', contrastLabel: '高对比度' },
] as const;
const MODES = SIZES.flatMap((size) => CONTRASTS.map((contrast) => ({ ...size, ...contrast })));

const contexts = new Map<string, BrowserContext>();

test.beforeAll(async ({ browser }) => {
  for (const mode of MODES) {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    await context.addInitScript(
      ({ size, contrast }) => {
        localStorage.setItem('reading-aids:text-size', size);
        localStorage.setItem('reading-aids:contrast', contrast);
      },
      { size: mode.size, contrast: mode.contrast },
    );
    contexts.set(`${mode.size}/${mode.contrast}`, context);
  }
});

async function scan(site: ServedSite, mode: (typeof MODES)[number], path: string, root?: string) {
  const page = await contexts.get(`${mode.size}/${mode.contrast}`)!.newPage();
  try {
    await page.goto(site.url + path);
    if (path.startsWith('/search/')) await page.locator('.search-result').first().waitFor();
    // The stored choice is applied: the test measures the mode it names.
    const applied = await page.evaluate(() => ({
      size: document.documentElement.dataset.textSize ?? 'standard',
      contrast: document.documentElement.dataset.contrast ?? 'normal',
    }));
    if (!root) expect(applied).toEqual({ size: mode.size, contrast: mode.contrast });
    return await scanPage(page, root);
  } finally {
    await page.close();
  }
}

describe.each(MODES)('$sizeLabel 字号，$contrastLabel', (mode) => {
  const floors = SIZE_FLOORS[mode.size];
  // Floors: all text ≥ floors.text, what must be read ≥ floors.mustRead, targets ≥ floors.target.
  test.for(PAGES)(`字号与点按目标达标：%s`, async (path, { site }) => {
    const { texts, targets } = await scan(site, mode, path);
    expect(texts.length, `${path} 应有文字`).toBeGreaterThan(10);
    const where = `${path}（${mode.sizeLabel}字号，${mode.contrastLabel}）`;
    const small = texts.filter((text) => text.size < floors.text - 0.05);
    expect(small, `${where} 小于 ${floors.text}px 的文字：\n  ${list(small)}`).toEqual([]);
    const smallMustRead = texts.filter(
      (text) => text.mustRead && text.size < floors.mustRead - 0.05,
    );
    expect(
      smallMustRead,
      `${where} 日期、标签、表格、备注小于 ${floors.mustRead}px：\n  ${list(smallMustRead)}`,
    ).toEqual([]);
    const tooSmall = targets.filter(
      (target) => target.width < floors.target - 0.5 || target.height < floors.target - 0.5,
    );
    expect(
      tooSmall.map(
        (target) => `${target.element} ${target.width}×${target.height}「${target.text}」`,
      ),
      `${where} 小于 ${floors.target}×${floors.target}px 的链接和按钮`,
    ).toEqual([]);
  });
});

describe('print pages’ on-screen toolbar (no reading aids there)', () => {
  const floors = SIZE_FLOORS.standard;
  test.for(PRINT_PAGES)(
    'has no text under 18 px and no target under 44 px: %s',
    async (path, { site }) => {
      const { texts, targets } = await scan(site, MODES[0]!, path, '.toolbar');
      expect(texts.length).toBeGreaterThan(0);
      expect(
        texts.filter((text) => text.size < floors.mustRead - 0.05).map((t) => t.element),
      ).toEqual([]);
      expect(
        targets
          .filter((target) => target.width < 43.5 || target.height < 43.5)
          .map((target) => `${target.element} ${target.width}×${target.height}`),
      ).toEqual([]);
    },
  );
});
