import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { siteTest, type SiteFixtures } from '../support/browser-test';
import { FOCUS_RING_CONTRAST } from '@/data/accessibility-clauses';

const siteDir = inject('siteDir');
// A private copy: other test files rebuild the shared sample site while this one runs.
const test = siteTest({ copy: { without: 'admin' } });
const study = readdirSync(join(siteDir, 'study'))
  .filter((name) => /^\d{4}-\d{2}$/.test(name))
  .sort()
  .at(-1)!;
const ARTICLE = `/study/${study}/`;

const MODES = [
  { name: '标准', storage: {} },
  {
    name: '特大字号 + 高对比度',
    storage: { 'reading-aids:text-size': 'xlarge', 'reading-aids:contrast': 'high' },
  },
] as const;

async function open(
  { site, browser }: SiteFixtures,
  path: string,
  storage: Record<string, string>,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  await context.addInitScript((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    // Anything that would pop up is counted, not shown.
    const popups: string[] = [];
    (window as unknown as { popups: string[] }).popups = popups;
    window.open = (...args) => (popups.push(`window.open ${String(args[0])}`), null);
    window.alert = (message) => void popups.push(`alert ${String(message)}`);
    window.confirm = (message) => (popups.push(`confirm ${String(message)}`), false);
    window.prompt = (message) => (popups.push(`prompt ${String(message)}`), null);
  }, storage);
  const page = await context.newPage();
  await page.goto(site.url + path);
  return page;
}

interface Focused {
  element: string;
  text: string;
  ring: string;
  contrast: number;
  inView: boolean;
}

/** Where focus is now, and how its ring stands out from the background the ring is drawn on. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const channels = (colour: string) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(colour);
      return m
        ? { rgb: [m[1], m[2], m[3]].map(Number), alpha: m[4] === undefined ? 1 : Number(m[4]) }
        : null;
    };
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((value) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // The ring lies just outside the element, over its parent's background.
    let behind: number[] = [255, 255, 255];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const colour = channels(getComputedStyle(node).backgroundColor);
      if (colour && colour.alpha > 0.5) {
        behind = colour.rgb;
        break;
      }
    }
    const style = getComputedStyle(element);
    const ring = channels(style.outlineColor);
    const width = parseFloat(style.outlineWidth);
    const drawn = style.outlineStyle !== 'none' && width >= 2 && ring !== null;
    const [light, dark] = [luminance(ring?.rgb ?? behind), luminance(behind)].sort(
      (a, b) => b - a,
    ) as [number, number];
    const box = element.getBoundingClientRect();
    const name = `${element.tagName.toLowerCase()}${[...element.classList].map((c) => `.${c}`).join('')}`;
    return {
      element: name,
      text: (element.textContent?.trim() || element.getAttribute('aria-label') || '').slice(0, 16),
      ring: drawn ? `${style.outlineStyle} ${width}px ${style.outlineColor}` : 'none',
      contrast: drawn ? Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100 : 0,
      inView: box.bottom > 0 && box.top < innerHeight && box.width > 0 && box.height > 0,
    };
  });
}

/** Every visible control a keyboard user must be able to reach. */
function reachable(page: Page): Promise<string[]> {
  return page.$$eval(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary',
    (elements) =>
      elements
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return (
            box.width > 0 &&
            box.height > 0 &&
            getComputedStyle(element).visibility === 'visible' &&
            !element.closest('[hidden], .skip-link')
          );
        })
        .map((element) => {
          element.setAttribute('data-key-id', String(Math.random()));
          return element.getAttribute('data-key-id')!;
        }),
  );
}

/** Focus back at the top of the page, as for a reader who has just opened it. */
function fromTheTop(page: Page): Promise<void> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
}

/** Presses Tab until focus comes round again, checking the ring at every stop. */
async function tabThrough(page: Page, where: string) {
  const stops: Focused[] = [];
  const reached = new Set<string>();
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now) break;
    if (i > 0 && now.text === '跳到正文') break;
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-key-id'));
    if (id) reached.add(id);
    stops.push(now);
  }
  const bad = stops.filter(
    (stop) => stop.ring === 'none' || stop.contrast < FOCUS_RING_CONTRAST || !stop.inView,
  );
  expect(
    bad.map(
      (stop) =>
        `${stop.element}「${stop.text}」 焦点框 ${stop.ring}，对比度 ${stop.contrast}:1${stop.inView ? '' : '，不在屏幕内'}`,
    ),
    `${where}：焦点框应清晰可见（对比度至少 ${FOCUS_RING_CONTRAST}:1）`,
  ).toEqual([]);
  return { stops, reached };
}

describe.each(MODES)('$name', ({ name, storage }) => {
  test.for([
    ['首页', '/'],
    ['文章页', ARTICLE],
    ['搜索页', '/search/'],
  ] as const)(`只用键盘走遍全页，焦点清晰可见：%s`, async ([label, path], { site, browser }) => {
    const page = await open({ site, browser }, path, storage);
    try {
      const where = `${label} ${path}（${name}）`;
      if (path === '/search/') {
        // Search by keyboard alone: the query box, Enter, then the results are in the Tab order.
        await page.locator('#search-input').focus();
        await page.keyboard.type('低保');
        await page.keyboard.press('Enter');
        await page.locator('.search-result').first().waitFor();
      }
      const controls = await reachable(page);
      await fromTheTop(page);
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first?.text, `${where}：第一下 Tab 应到“跳到正文”`).toBe('跳到正文');
      expect(first?.inView, `${where}：“跳到正文”应出现在屏幕上`).toBe(true);
      expect(first?.contrast).toBeGreaterThanOrEqual(FOCUS_RING_CONTRAST);

      await fromTheTop(page);
      const { stops, reached } = await tabThrough(page, where);
      const missed = controls.filter((id) => !reached.has(id));
      const missedNames = await page.$$eval(
        '[data-key-id]',
        (elements, missing) =>
          elements
            .filter((element) => missing.includes(element.getAttribute('data-key-id')!))
            .map(
              (element) =>
                `${element.tagName.toLowerCase()}「${element.textContent?.trim().slice(0, 16)}」`,
            ),
        missed,
      );
      expect(missedNames, `${where}：用 Tab 键到不了的控件`).toEqual([]);
      expect(stops.length).toBeGreaterThan(10);
      if (path === '/search/') {
        expect(
          stops.some(
            (stop) => stop.element.includes('search-result') || stop.text.includes('刘秀梅'),
          ),
        ).toBe(true);
      }

      // 跳到正文 with Enter lands in the main content.
      await fromTheTop(page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement)),
        `${where}：跳到正文后下一下 Tab 应在正文里`,
      ).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});

test.for(['/', ARTICLE, '/search/?q=低保', '/contacts/', '/accessibility/'])(
  '不弹窗、不开新窗口、没有外站脚本：%s',
  async (path, { site, browser }) => {
    const page = await open({ site, browser }, path, {});
    try {
      await page.waitForLoadState('load');
      // Use the page: the reading aids, links and search must not pop anything up.
      await page.getByRole('button', { name: '大', exact: true }).click();
      const found = await page.evaluate(() => ({
        popups: (window as unknown as { popups: string[] }).popups,
        dialogs: [
          ...document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"]'),
        ].length,
        newWindows: [...document.querySelectorAll('a[target="_blank"], form[target="_blank"]')]
          .length,
        foreignScripts: [...document.scripts]
          .map((script) => script.src)
          .filter((src) => src && new URL(src).origin !== location.origin),
        frames: document.querySelectorAll('iframe, object, embed').length,
        overlays: [...document.querySelectorAll('body *')].filter((element) => {
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return (
            (style.position === 'fixed' || style.position === 'sticky') &&
            box.width * box.height > innerWidth * innerHeight * 0.2
          );
        }).length,
      }));
      expect(found).toEqual({
        popups: [],
        dialogs: 0,
        newWindows: 0,
        foreignScripts: [],
        frames: 0,
        overlays: 0,
      });
    } finally {
      await page.context().close();
    }
  },
);
