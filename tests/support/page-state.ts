import type { Page } from 'playwright-core';

/**
 * Resolves once the page has painted twice more: what a click, key or focus started in its
 * handlers has run and been drawn. A click that navigated away resolves at once; the next page is
 * watched all the same.
 */
export async function painted(page: Page): Promise<void> {
  await page
    .evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
    )
    .catch(() => undefined);
}

/** Resolves once the page has loaded, the network has been quiet for half a second, and it has painted. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await painted(page);
}
