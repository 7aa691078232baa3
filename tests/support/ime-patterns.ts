import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { publishEntry } from './cms-dev-server.ts';
import { bodyEditor, caretAfter, imeType, type CommitUnit } from './ime.ts';

/** What a secretary types in each pattern. */
export const TEXT = '学习园地第七期：垃圾分类，人人有责。';
export const INSERT = '各项任务';
export const ITEM = '分类投放';
/** An existing entry and the places the middle-of-text pattern types at. */
export const MIDDLE_ENTRY = 'study/2026-05.md';
const MIDDLE_ANCHOR = '社区工作千头万绪，';
const MIDDLE_END = '白跑腿。';
export const REPLACE_ENTRY = 'study/2026-06.md';

export type Where = 'empty' | 'middle' | 'replace';

export interface Pattern {
  name: string;
  where: Where;
  unit: CommitUnit;
}

export const PATTERNS: Pattern[] = [
  { name: '新条目·逐字上屏', where: 'empty', unit: 'char' },
  { name: '新条目·逐词上屏', where: 'empty', unit: 'word' },
  { name: '正文中间·逐字上屏', where: 'middle', unit: 'char' },
  { name: '正文中间·逐词上屏', where: 'middle', unit: 'word' },
  { name: '全选后替换·逐字上屏', where: 'replace', unit: 'char' },
];

export interface RunOptions {
  origin: string;
  touch: boolean;
  /** Fill the form and publish, then compare the saved file (else only the editor's text). */
  save?: { content: string; month: string; issue: number } | undefined;
}

export interface RunResult {
  ok: boolean;
  problem: string;
  /** The page was reloaded under the run (not the editor's doing): run it again. */
  reloaded?: boolean;
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** The Markdown body of a saved file (the front matter is written by the collection's format). */
function body(text: string): string {
  return text.slice(text.indexOf('\n---', 3) + 4).trim();
}

async function focusEditor(page: Page, touch: boolean) {
  const editor = bodyEditor(page);
  await editor.waitFor({ timeout: 60_000 });
  if (touch) await editor.tap();
  else await editor.click();
}

async function waitForFile(file: string, changedFrom: string | undefined): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      if (text !== changedFrom) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`保存后文件没有变化：${file}`);
}

/** Types one pattern into the CMS; on a fresh page for the entry, as a secretary opens it. */
export async function runPattern(
  page: Page,
  pattern: Pattern,
  options: RunOptions,
): Promise<RunResult> {
  const { origin, touch, save } = options;
  const cdp = await page.context().newCDPSession(page);
  let failed: RunResult | undefined;
  const fail = (problem: string): RunResult => (failed = { ok: false, problem });
  try {
    // Through the list, so a repeated run opens a fresh editor.
    await page.goto(`${origin}/admin/#/collections/study`);
    await page.evaluate(() => ((window as { imeRun?: boolean }).imeRun = true));
    await page
      .locator('a[href*="/collections/study/entries/"]')
      .first()
      .waitFor({ timeout: 60_000 });
    if (pattern.where === 'empty') {
      await page.goto(`${origin}/admin/#/collections/study/new`);
      await bodyEditor(page).waitFor({ timeout: 60_000 });
      if (save) {
        await page.getByLabel('标题', { exact: true }).fill('垃圾分类');
        await page.getByLabel('期号', { exact: true }).fill(String(save.issue));
        await page.getByLabel('月份', { exact: true }).fill(save.month);
        await page.getByLabel('发布日期', { exact: true }).fill(`${save.month}-01`);
        await page.getByLabel('摘要', { exact: true }).fill('本期讲垃圾分类。');
      }
      await focusEditor(page, touch);
      await imeType(cdp, TEXT, pattern.unit);
      await page.keyboard.press('Enter');
      await page.keyboard.type('- ');
      await imeType(cdp, ITEM, pattern.unit);
      const seen = squash(await bodyEditor(page).innerText());
      if (!seen.startsWith(TEXT)) return fail(`文字不对：编辑器里是“${seen}”`);
      if (seen !== TEXT + ITEM) return fail(`列表不对：编辑器里是“${seen}”`);
      if (!save) return { ok: true, problem: '' };
      await publishEntry(page);
      const file = join(save.content, `study/${save.month}.md`);
      const written = body(await waitForFile(file, undefined));
      const expected = `${TEXT}\n\n- ${ITEM}`;
      return written === expected
        ? { ok: true, problem: '' }
        : fail(`保存的正文是 ${JSON.stringify(written)}`);
    }

    const entry = pattern.where === 'middle' ? MIDDLE_ENTRY : REPLACE_ENTRY;
    const slug = entry.replace(/^study\/|\.md$/g, '');
    await page.goto(`${origin}/admin/#/collections/study/entries/${slug}`);
    await focusEditor(page, touch);
    if (pattern.where === 'replace') {
      await page.keyboard.press('ControlOrMeta+A');
      await imeType(cdp, TEXT, pattern.unit);
      const seen = squash(await bodyEditor(page).innerText());
      if (seen !== TEXT) return fail(`文字不对：编辑器里是“${seen.slice(0, 60)}”`);
      if (!save) return { ok: true, problem: '' };
      const file = join(save.content, entry);
      const before = readFileSync(file, 'utf8');
      await publishEntry(page);
      const written = body(await waitForFile(file, before));
      // The first block keeps its kind (a heading stays a heading), as in Word.
      return written.replace(/^#+ /, '') === TEXT
        ? { ok: true, problem: '' }
        : fail(`保存的正文是 ${JSON.stringify(written.slice(0, 120))}`);
    }

    await caretAfter(page, MIDDLE_ANCHOR);
    await imeType(cdp, INSERT, pattern.unit);
    await caretAfter(page, MIDDLE_END);
    await page.keyboard.press('Enter');
    await page.keyboard.type('- ');
    await imeType(cdp, ITEM, pattern.unit);
    const seen = squash(await bodyEditor(page).innerText());
    const wanted = [MIDDLE_ANCHOR + INSERT + '低保审核', MIDDLE_END + ITEM + '本支部的学习安排'];
    const missing = wanted.find((part) => !seen.includes(part));
    if (missing) {
      const at = seen.indexOf(MIDDLE_ANCHOR.slice(0, 4));
      return fail(`文字不对：没有“${missing}”，而是“${seen.slice(at, at + 40)}”`);
    }
    if (!save) return { ok: true, problem: '' };
    const file = join(save.content, entry);
    const before = readFileSync(file, 'utf8');
    await publishEntry(page);
    const written = body(await waitForFile(file, before));
    const expected = body(before)
      .replace(MIDDLE_ANCHOR, MIDDLE_ANCHOR + INSERT)
      .replace(`${MIDDLE_END}\n`, `${MIDDLE_END}\n\n- ${ITEM}\n`);
    return written === expected
      ? { ok: true, problem: '' }
      : fail(
          `保存的文件与预期不同：${JSON.stringify(written.slice(written.indexOf('社区工作') - 10, written.indexOf('社区工作') + 200))}`,
        );
  } catch (error) {
    if (!(await stillSamePage(page))) return { ok: false, problem: '页面重新加载', reloaded: true };
    return fail(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  } finally {
    if (failed && !(await stillSamePage(page))) {
      Object.assign(failed, { problem: '页面重新加载', reloaded: true });
    }
    await cdp.detach().catch(() => undefined);
  }
}

async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as { imeRun?: boolean }).imeRun === true).catch(() => false);
}
