import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * A private copy of the built sample site, so a rebuild of the shared one by another test run
 * cannot pull pages away mid-test.
 */
export function copySite(siteDir: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'search-site-'));
  cpSync(siteDir, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Waits until the search page shows the results for `query`, or says what it shows instead. */
export async function waitForResults(page: Page, query: string): Promise<void> {
  try {
    await page.waitForSelector(`#search-app[data-state="done"][data-query="${query}"]`, {
      timeout: 20_000,
    });
  } catch (error) {
    const shown = await page
      .evaluate(() => ({
        title: document.title,
        state: document.querySelector<HTMLElement>('#search-app')?.dataset['state'],
        status: document.querySelector('#search-status')?.textContent,
      }))
      .catch(() => undefined);
    throw new Error(`“${query}”的搜索结果没有出现：${page.url()} ${JSON.stringify(shown)}`, {
      cause: error,
    });
  }
}
