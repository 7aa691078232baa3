import type { Page } from 'playwright-core';

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
