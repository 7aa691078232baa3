import type { Page } from 'playwright-core';
import type { ServedSite } from '../support/browser-test';

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

/** The result links the search page shows for a query, in order. */
export async function resultsFor(page: Page, site: ServedSite, query: string): Promise<string[]> {
  await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`);
  await waitForResults(page, query);
  return page
    .locator('.search-result__title a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}
