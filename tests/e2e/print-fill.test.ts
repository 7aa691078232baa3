import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { siteTest, type ServedSite } from '../support/browser-test';
import { repoRoot, runBuild } from '../support/run-build';
import { pdfPageSizes, pdfText, printToPdf, withPdfFile } from './print-pdf';

// The sample content plus a short issue (two short sections, a list under a heading and a
// four-column table of dates), a report with long figures and a mobile number typed without
// quotes, built once into a folder of its own.
const work = mkdtempSync(join(tmpdir(), 'print-fill-'));
const contentDir = join(work, 'content');
const siteDir = join(work, 'site');
const SHORT = '/study/2026-11/poster/';
/** A report with 1,520 小时 and 12,000 元 among its figures. */
const FIGURES = '/reports/2026-11-20-dongji-xunluo/poster/';

const UNQUOTED_CONTACT = readdirSync(join(repoRoot, 'content/contacts')).sort()[0]!;
const UNQUOTED_MOBILE = '13912345678';
let buildOutput = '';
// Bound from the fixtures once per file: the helpers below all work on the one page.
let server: ServedSite;
let browser: Browser;
let page: Page;

/** The longest report in the sample: its poster has to shrink to fit. */
function longestReport(): string {
  const dir = join(repoRoot, 'content/reports');
  const id = readdirSync(dir)
    .map((name) => ({ name, size: readFileSync(join(dir, name)).length }))
    .sort((a, b) => b.size - a.size)[0]!
    .name.replace(/\.md$/, '');
  return `/reports/${id}/poster/`;
}

const test = siteTest({
  dir: async () => {
    cpSync(join(repoRoot, 'content'), contentDir, { recursive: true });
    cpSync(join(repoRoot, 'tests/fixtures/short-poster'), contentDir, { recursive: true });
    // A cadre's mobile typed without quotes, as a secretary editing the file by hand would.
    const contact = join(contentDir, 'contacts', UNQUOTED_CONTACT);
    writeFileSync(
      contact,
      readFileSync(contact, 'utf8').replace(/^phone: .*$/m, `phone: ${UNQUOTED_MOBILE}`),
    );
    const { code, output } = await runBuild({ outDir: siteDir, contentDir });
    if (code !== 0) throw new Error(`构建失败：\n${output.slice(-3000)}`);
    buildOutput = output;
    return siteDir;
  },
  page: { viewport: { width: 1280, height: 900 } },
});

test.beforeAll(({ site, browser: opened, page: tab }) => {
  server = site;
  browser = opened;
  page = tab;
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function openPoster(path: string) {
  const paper = path.endsWith('#a4') ? 'a4' : 'a3';
  await page.goto('about:blank');
  await page.goto(server.url + path);
  await page.waitForSelector(`html[data-fit-checked="${paper}"]`, { state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  return {
    scale: Number(await page.locator('.poster').getAttribute('data-fit-scale')),
    max: Number(await page.locator('.poster').getAttribute('data-fit-max')),
    ok: await page.locator('.poster').getAttribute('data-fit-ok'),
  };
}

interface Layout {
  /** How far down each column the text reaches, as a share of the column's height. */
  fill: number[];
  /** Paragraphs split between columns, with the lines in each piece. */
  splits: { text: string; lines: number[]; total: number }[];
  /** Headings whose next block starts in another column. */
  strandedHeadings: string[];
  /** Tables and whether they span all columns, with their width in columns. */
  tables: { spans: boolean; columns: number; tallestCellLines: number }[];
}

/** Reads the columns as laid out for print: fill per column, split paragraphs, headings, tables. */
function layout(): Promise<Layout> {
  return page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('[data-fit-body]')!;
    const columns = body.querySelector<HTMLElement>('.poster__columns')!;
    const area = body.getBoundingClientRect();
    const style = getComputedStyle(columns);
    const count = Number(style.columnCount);
    const gap = parseFloat(style.columnGap);
    const width = (area.width - gap * (count - 1)) / count;
    const columnOf = (x: number) =>
      Math.min(count - 1, Math.max(0, Math.floor((x - area.left + gap / 2) / (width + gap))));
    // Line boxes of every text node, each put in its column.
    const bottoms = new Array<number>(count).fill(area.top);
    const walker = document.createTreeWalker(columns, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width === 0) continue;
        const column = columnOf(rect.left);
        bottoms[column] = Math.max(bottoms[column]!, rect.bottom);
      }
    }
    const fill = bottoms.map(
      (bottom) => Math.round(((bottom - area.top) / area.height) * 100) / 100,
    );

    // Printed lines of a paragraph in each column, from the text's line boxes.
    const splits = [...columns.querySelectorAll<HTMLElement>(':scope > p, :scope > div > p')]
      .map((paragraph) => {
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        const tops = new Map<number, Set<number>>();
        for (const rect of range.getClientRects()) {
          if (rect.width === 0) continue;
          const column = columnOf(rect.left);
          tops.set(column, (tops.get(column) ?? new Set()).add(Math.round(rect.top)));
        }
        const lines = [...tops.values()].map((set) => set.size);
        return {
          text: (paragraph.textContent ?? '').slice(0, 12),
          lines,
          total: lines.reduce((a, b) => a + b, 0),
        };
      })
      .filter((split) => split.lines.length > 1);

    const strandedHeadings = [
      ...columns.querySelectorAll<HTMLElement>(':scope > :is(h2, h3), :scope > div > :is(h2, h3)'),
    ]
      .filter((heading) => {
        const next = heading.nextElementSibling;
        if (!next) return false;
        const first = next.getClientRects()[0];
        return (
          first !== undefined &&
          columnOf(first.left) !== columnOf(heading.getBoundingClientRect().left)
        );
      })
      .map((heading) => heading.textContent ?? '');

    const tables = [...columns.querySelectorAll<HTMLElement>(':scope > table')].map((table) => {
      const box = table.getBoundingClientRect();
      const cells = [...table.querySelectorAll<HTMLElement>('td, th')];
      return {
        spans: getComputedStyle(table).columnSpan === 'all',
        columns: Math.round((box.width / width) * 10) / 10,
        tallestCellLines: Math.max(
          ...cells.map((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            return tops.size;
          }),
        ),
      };
    });
    return { fill, splits, strandedHeadings, tables };
  });
}

/** Where the PDF's text lines reach in each third of the text area (pdftotext -bbox-layout). */
function pdfColumnFill(
  pdf: Buffer,
  area: { top: number; bottom: number; left: number; right: number },
) {
  const html = withPdfFile(pdf, (file) =>
    execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
  const width = (area.right - area.left) / 3;
  const bottoms = [area.top, area.top, area.top];
  for (const m of html.matchAll(
    /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g,
  )) {
    const [x, yMin, yMax] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (yMin < area.top - 1 || yMax > area.bottom + 1 || x < area.left - 1 || x > area.right)
      continue;
    const column = Math.min(2, Math.floor((x - area.left + 2) / width));
    bottoms[column] = Math.max(bottoms[column]!, yMax);
  }
  return bottoms.map(
    (bottom) => Math.round(((bottom - area.top) / (area.bottom - area.top)) * 100) / 100,
  );
}

/** The text area of the poster in PDF points (1 CSS px = 0.75 pt). */
function textArea() {
  return page.evaluate(() => {
    const box = document.querySelector('[data-fit-body]')!.getBoundingClientRect();
    const sheet = document.querySelector('.poster')!.getBoundingClientRect();
    const pt = (px: number) => px * 0.75;
    return {
      top: pt(box.top - sheet.top),
      bottom: pt(box.bottom - sheet.top),
      left: pt(box.left - sheet.left),
      right: pt(box.right - sheet.left),
    };
  });
}

describe('a short 学习园地 issue', () => {
  test.each([SHORT, `${SHORT}#a4`])(
    'grows to fill its columns, printed to PDF: %s',
    async (path) => {
      const fit = await openPoster(path);
      expect(fit.ok).toBe('true');
      expect(fit.scale, '短的一期应放大字号').toBeGreaterThan(1.5);
      const { fill } = await layout();
      const pdf = await printToPdf(page);
      expect(pdfPageSizes(pdf)).toHaveLength(1);
      const printed = pdfColumnFill(pdf, await textArea());
      // Filled top to bottom: the text reaches the foot of the sheet and the columns are mostly full,
      // on screen and in the PDF alike.
      for (const [where, columns] of [
        ['版面', fill],
        ['PDF', printed],
      ] as const) {
        const mean = columns.reduce((a, b) => a + b) / columns.length;
        expect(Math.max(...columns), `${where}各栏填充 ${columns.join(' / ')}`).toBeGreaterThan(
          0.9,
        );
        expect(mean, `${where}各栏填充 ${columns.join(' / ')}`).toBeGreaterThan(0.7);
      }
    },
  );

  test('keeps headings with what follows, short paragraphs whole and the table across the columns', async () => {
    await openPoster(SHORT);
    const { splits, strandedHeadings, tables } = await layout();
    expect(strandedHeadings, '标题和下文不能分在两栏').toEqual([]);
    expect(splits, '短段落不能拆到两栏').toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.spans, '四列的表格应横跨各栏').toBe(true);
    expect(tables[0]!.tallestCellLines, '“12月5日”这样的格子不能折行').toBe(1);
  });
});

describe('a long report', () => {
  test('shrinks within limits, fills all three columns and splits no paragraph into slivers', async () => {
    const path = longestReport();
    const fit = await openPoster(path);
    expect(fit.ok).toBe('true');
    expect(fit.scale).toBeLessThan(1);
    const { fill, splits, strandedHeadings } = await layout();
    expect(Math.min(...fill), `栏内填充 ${fill.join(' / ')}`).toBeGreaterThan(0.85);
    expect(strandedHeadings).toEqual([]);
    for (const split of splits) {
      expect(split.total, `「${split.text}」只有 ${split.total} 行，不应拆开`).toBeGreaterThan(6);
      expect(
        Math.min(...split.lines),
        `「${split.text}」拆成 ${split.lines.join('+')} 行`,
      ).toBeGreaterThanOrEqual(3);
    }
    const pdf = await printToPdf(page);
    expect(pdfPageSizes(pdf)).toHaveLength(1);
    const printed = pdfColumnFill(pdf, await textArea());
    expect(Math.min(...printed), `PDF 上三栏的填充 ${printed.join(' / ')}`).toBeGreaterThan(0.85);
  });

  test('keeps each figure’s unit on the line of its number, on the poster and on the site', async () => {
    await openPoster(FIGURES);
    const wrapped = (selector: string) =>
      page.$$eval(selector, (values) =>
        values
          .filter((value) => {
            const range = document.createRange();
            range.selectNodeContents(value);
            const rects = [...range.getClientRects()];
            // A unit in a smaller font shares the number's line: their boxes overlap vertically.
            return rects.some((rect) => rect.top >= rects[0]!.bottom - 2);
          })
          .map((value) => value.textContent?.trim()),
      );
    expect(await page.locator('.poster-stat__value').count()).toBeGreaterThan(3);
    expect(await wrapped('.poster-stat__value'), '海报上数字和单位分在两行').toEqual([]);
    await page.emulateMedia({ media: null });
    for (const size of ['standard', 'large', 'xlarge']) {
      const phone = await browser.newPage({ viewport: { width: 360, height: 780 } });
      await phone.addInitScript(
        (value) => localStorage.setItem('reading-aids:text-size', value),
        size,
      );
      await phone.goto(server.url + FIGURES.replace(/poster\/$/, ''));
      const broken = await phone.$$eval('.stat__value', (values) =>
        values
          .filter((value) => {
            const range = document.createRange();
            range.selectNodeContents(value);
            const rects = [...range.getClientRects()];
            const wrapped = rects.some((rect) => rect.top >= rects[0]!.bottom - 2);
            const box = value.getBoundingClientRect();
            const parent = value.parentElement!.getBoundingClientRect();
            return wrapped || box.right > parent.right + 1;
          })
          .map((value) => value.textContent?.trim()),
      );
      expect(broken, `网站（${size}）上数字和单位分开或超出方框`).toEqual([]);
      await phone.close();
    }
  });
});

describe('the sample site address (站点设置 → 网站地址)', () => {
  test('is warned about by the build, naming the field', () => {
    expect(buildOutput).toMatch(
      /settings\/site\.yml 第 \d+ 行\n\s+字段：网站地址（siteUrl）\n\s+网站地址还是示例网址/,
    );
  });

  test.each([SHORT, `${SHORT}#a4`, '/contacts/cards/', '/contacts/sheet/'])(
    'is warned about on screen, never on paper: %s',
    async (path) => {
      await page.emulateMedia({ media: null });
      await page.goto('about:blank');
      await page.goto(server.url + path);
      await page.waitForSelector('html[data-fit-checked]', { state: 'attached' });
      const warning = page.locator('[data-site-url-warning]');
      expect(await warning.isVisible()).toBe(true);
      expect(await warning.textContent()).toContain('站点设置 → 网站地址');
      await page.emulateMedia({ media: 'print' });
      expect(await warning.isHidden()).toBe(true);
      expect(pdfText(await printToPdf(page))).not.toContain('示例网址');
    },
  );
});

describe('a mobile number typed without quotes (YAML reads it as a number)', () => {
  test('builds, and the contact page shows and dials exactly what was written', () => {
    const html = readFileSync(join(siteDir, 'contacts/index.html'), 'utf8');
    expect(html).toContain(`href="tel:${UNQUOTED_MOBILE}"`);
    expect(html).toContain('139 1234 5678');
  });
});
