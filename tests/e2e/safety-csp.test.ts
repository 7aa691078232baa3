import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { pageAddresses } from '../../scripts/html-pages';
import { siteTest } from '../support/browser-test';
import { painted } from '../support/page-state';

const siteDir = inject('siteDir');
const test = siteTest();

function htmlPages(dir: string): string[] {
  return pageAddresses(dir).filter((path) => !path.startsWith('/pagefind/'));
}

/** The CSP of a built page as { directive: [sources] }. */
function policyOf(path: string): Record<string, string[]> {
  const file = join(siteDir, path.endsWith('.html') ? path : `${path}index.html`);
  const metas = [
    ...readFileSync(file, 'utf8').matchAll(
      /<meta http-equiv="content-security-policy" content="([^"]*)"/gi,
    ),
  ];
  expect(metas, `${path} 应该有且只有一个 CSP`).toHaveLength(1);
  return Object.fromEntries(
    (metas[0]?.[1] ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

interface Reporting {
  __reportCsp(text: string): Promise<void>;
  /** Settles once every violation seen so far has reached the test. */
  __cspReported?: Promise<unknown>;
}

/**
 * Reports CSP violations, from the moment each page starts and in every frame, to `report`: for
 * one page, or for every page later opened in a browser context.
 */
async function watchViolations(
  target: Page | BrowserContext,
  report: (text: string) => void,
): Promise<void> {
  await target.exposeFunction('__reportCsp', report);
  await target.addInitScript(() => {
    const page = window as unknown as Reporting;
    document.addEventListener('securitypolicyviolation', (event) => {
      const sent = page.__reportCsp(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
      page.__cspReported = Promise.all([page.__cspReported, sent]);
    });
  });
  target.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      report(`console: ${message.text().slice(0, 200)}`);
  });
}

/** Waits until what the last clicks started has run and every violation it caused was collected. */
async function reported(page: Page): Promise<void> {
  await painted(page);
  await page
    .evaluate(() => (window as unknown as Reporting).__cspReported)
    .then(() => undefined)
    .catch(() => undefined);
}

describe('the Content-Security-Policy of the built site', () => {
  test('forbids inline script and plugins on every public page', () => {
    const pages = htmlPages(siteDir).filter((path) => !path.startsWith('/admin/'));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const policy = policyOf(path);
      expect(policy['script-src'], path).toContain("'self'");
      expect(policy['script-src'], path).not.toContain("'unsafe-inline'");
      expect(policy['script-src'], path).not.toContain("'unsafe-eval'");
      expect(policy['style-src'], path).not.toContain("'unsafe-inline'");
      expect(policy['object-src'], path).toEqual(["'none'"]);
      expect(policy['base-uri'], path).toEqual(["'self'"]);
      expect(policy['default-src'], path).toEqual(["'self'"]);
    }
  });

  test('lets search run: WebAssembly and blob workers', () => {
    const policy = policyOf('/');
    expect(policy['script-src']).toContain("'wasm-unsafe-eval'");
    expect(policy['worker-src']).toEqual(["'self'", 'blob:']);
  });

  test('is loosened only on /admin/, where Decap needs eval and inline styles', () => {
    const policy = policyOf('/admin/');
    expect(policy['script-src']).toContain("'unsafe-eval'");
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['style-src']).toContain("'unsafe-inline'");
  });

  test('blocks a script that somehow reached a page', async ({ site, browser }) => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await watchViolations(page, (text) => violations.push(text));
    await page.route(`${site.url}/notices/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</main>',
        '<script>window.__injected = 1</script><img src="/x.png" onerror="window.__injected = 2"></main>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${site.url}/notices/`);
    // Both the script and the image's handler have been refused.
    await expect.poll(() => violations.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(
      await page.evaluate(() => (window as { __injected?: number }).__injected),
    ).toBeUndefined();
    expect(violations.length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  // Walks every page of the sample site (about fifty), so it has more time than one page needs.
  test(
    'causes no violation on any page, including search and the CMS',
    { timeout: 300_000 },
    async ({ site, browser }) => {
      // One context for all pages: a page opens faster in it than in a context of its own.
      const context = await browser.newContext();
      const problems: string[] = [];
      let path = '';
      await watchViolations(context, (text) => problems.push(`${path}: ${text}`));
      for (path of htmlPages(siteDir)) {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message.slice(0, 200)));
        await page.goto(site.url + path, { waitUntil: 'load' });
        if (path === '/search/' && (await page.locator('input').count()) > 0) {
          await page.locator('input').first().fill('电话');
          await page.waitForSelector(
            '#search-app:is([data-state="done"][data-query="电话"], [data-state="error"])',
          );
        } else if (path === '/admin/') {
          await page
            .waitForSelector('#admin-loading', { state: 'detached', timeout: 20_000 })
            .catch(() => undefined);
          // Decap has drawn its first screen (a login or the collections).
          await page
            .locator('#nc-root button')
            .first()
            .waitFor({ timeout: 20_000 })
            .catch(() => undefined);
          await reported(page);
        } else {
          // Reading aids and other page scripts run on interaction.
          for (const button of await page.locator('main button:visible').all())
            await button.click({ timeout: 1000 }).catch(() => undefined);
          await reported(page);
        }
        problems.push(
          ...errors.filter((e) => /Content Security Policy/i.test(e)).map((e) => `${path}: ${e}`),
        );
        await page.close();
      }
      await context.close();
      expect(problems).toEqual([]);
    },
  );

  test('has the admin render in Chinese under its policy', async ({ site, browser }) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/admin/`);
    await page.waitForSelector('#admin-loading', { state: 'detached', timeout: 20_000 });
    expect(await page.locator('body').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.close();
  });
});
