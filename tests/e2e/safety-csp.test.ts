import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/static-server';

const siteDir = inject('siteDir');
let server: StaticServer;
let browser: Browser;

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) =>
      `/${relative(dir, join(entry.parentPath, entry.name))}`.replace(/index\.html$/, ''),
    )
    .filter((path) => !path.startsWith('/pagefind/'))
    .sort();
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

/** Collects CSP violations from the moment the page starts, in every frame. */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction('__reportCsp', (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCsp: (text: string) => void }).__reportCsp;
      report(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      found.push(`console: ${message.text().slice(0, 200)}`);
  });
  return found;
}

beforeAll(async () => {
  server = await serveStatic(siteDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Content-Security-Policy of the built site', () => {
  it('forbids inline script and plugins on every public page', () => {
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

  it('lets search run: WebAssembly and blob workers', () => {
    const policy = policyOf('/');
    expect(policy['script-src']).toContain("'wasm-unsafe-eval'");
    expect(policy['worker-src']).toEqual(["'self'", 'blob:']);
  });

  it('is loosened only on /admin/, where Decap needs eval and inline styles', () => {
    const policy = policyOf('/admin/');
    expect(policy['script-src']).toContain("'unsafe-eval'");
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['style-src']).toContain("'unsafe-inline'");
  });

  it('blocks a script that somehow reached a page', async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    await page.route(`${server.url}/notices/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</main>',
        '<script>window.__injected = 1</script><img src="/x.png" onerror="window.__injected = 2"></main>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${server.url}/notices/`);
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as { __injected?: number }).__injected),
    ).toBeUndefined();
    expect(violations.length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('causes no violation on any page, including search and the CMS', async () => {
    const problems: string[] = [];
    for (const path of htmlPages(siteDir)) {
      const page = await browser.newPage();
      const violations = await watchViolations(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message.slice(0, 200)));
      await page.goto(server.url + path, { waitUntil: 'load' });
      if (path === '/search/' && (await page.locator('input').count()) > 0) {
        await page.locator('input').first().fill('电话');
        await page.waitForTimeout(2000);
      } else if (path === '/admin/') {
        await page
          .waitForSelector('#admin-loading', { state: 'detached', timeout: 20_000 })
          .catch(() => undefined);
        await page.waitForTimeout(1500);
      } else {
        // Reading aids and other page scripts run on interaction.
        for (const button of await page.locator('main button:visible').all())
          await button.click({ timeout: 1000 }).catch(() => undefined);
        await page.waitForTimeout(200);
      }
      problems.push(...violations.map((v) => `${path}: ${v}`));
      problems.push(
        ...errors.filter((e) => /Content Security Policy/i.test(e)).map((e) => `${path}: ${e}`),
      );
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('has the admin render in Chinese under its policy', async () => {
    if (!existsSync(join(siteDir, 'admin/index.html'))) return;
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin/`);
    await page.waitForSelector('#admin-loading', { state: 'detached', timeout: 20_000 });
    expect(await page.locator('body').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.close();
  });
});
