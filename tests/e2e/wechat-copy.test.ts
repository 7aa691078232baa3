import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { ui } from '@/ui/strings';
import { siteTest, type ServedSite } from '../support/browser-test';
import { builtArticles, canonicalOf, readPage } from './wechat-pages';

const siteDir = inject('siteDir');
const articles = builtArticles(siteDir);
const siteUrl = new URL(canonicalOf(readPage(siteDir, '/'))!).origin;
/** A report: figures, a table and the longest closing. */
const report = articles.find((a) => a.section === 'reports')!;
const shotDir = process.env.WECHAT_SHOT_DIR ?? join(siteDir, '..');

const test = siteTest();
// Bound from the fixtures once per file for the helpers below.
let server: ServedSite;
let browser: Browser;

test.beforeAll(({ site, browser: opened }) => {
  server = site;
  browser = opened;
});

/**
 * A browser context where the site's public address (siteUrl, e.g. https://qiaobei.example.cn)
 * is answered by the local build, as the 公众号 editor would fetch the images from the real site.
 */
async function newContext(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, ...options });
  await context.route(`${siteUrl}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await context.request.get(server.url + url.pathname);
    await route.fulfill({ response });
  });
  return context;
}

async function openWechat(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(server.url + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

/** What the clipboard holds now, read in the page as the 公众号 editor would on paste. */
function readClipboard(page: Page) {
  return page.evaluate(async () => {
    // Chromium's `unsanitized` option (not yet in TypeScript's DOM types) returns the HTML as written.
    const read = navigator.clipboard.read as (options: object) => Promise<ClipboardItems>;
    const [item] = await read.call(navigator.clipboard, { unsanitized: ['text/html'] });
    const raw = item ? await (await item.getType('text/html')).text() : '';
    // Chromium hands unsanitised HTML back as a document; what is pasted is its body.
    const html = raw.replace(/^<html><head><\/head><body>([\s\S]*)<\/body><\/html>$/, '$1');
    const text = item ? await (await item.getType('text/plain')).text() : '';
    return { html, text };
  });
}

const markedHtml = (page: Page) =>
  page.locator('[data-wechat-article]').evaluate((element) => element.innerHTML);

describe('复制到公众号 button', () => {
  test('puts exactly the marked HTML and its text on the clipboard', async () => {
    const context = await newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      for (const article of [report, ...articles.filter((a) => a.section !== 'reports')]) {
        const page = await openWechat(context, article.wechat);
        const button = page.getByRole('button', { name: ui.wechat.copy });
        await button.click();
        await expect
          .poll(() => page.locator('[data-wechat-status]').textContent())
          .toBe(ui.wechat.copied);
        const copied = await readClipboard(page);
        expect(copied.html, article.wechat).toBe(await markedHtml(page));
        const text = await page.locator('[data-wechat-article]').innerText();
        expect(copied.text).toBe(text);
        expect(copied.text).toContain(new URL(article.page, siteUrl).href);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  test('falls back to the copy command where ClipboardItem is missing', async () => {
    const context = await newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    await context.addInitScript(() => {
      // @ts-expect-error: a browser without the asynchronous Clipboard API's ClipboardItem
      delete window.ClipboardItem;
    });
    try {
      const page = await openWechat(context, report.wechat);
      await page.getByRole('button', { name: ui.wechat.copy }).click();
      await expect
        .poll(() => page.locator('[data-wechat-status]').textContent())
        .toBe(ui.wechat.copiedFallback);
      expect((await readClipboard(page)).html).toBe(await markedHtml(page));
    } finally {
      await context.close();
    }
  });

  test('says why when the browser refuses the clipboard', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      navigator.clipboard.write = () =>
        Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      (document as { execCommand(command: string): boolean }).execCommand = () => false;
    });
    try {
      const page = await openWechat(context, report.wechat);
      await page.getByRole('button', { name: ui.wechat.copy }).click();
      const status = page.locator('[data-wechat-status]');
      await expect
        .poll(() => status.textContent())
        .toBe(ui.wechat.copyFailed(ui.wechat.copyDenied));
      expect(await status.getAttribute('data-state')).toBe('error');
    } finally {
      await context.close();
    }
  });

  test('says so when the browser can copy neither way', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      // @ts-expect-error: an old browser with neither ClipboardItem nor a working copy command
      delete window.ClipboardItem;
      (document as { execCommand(command: string): boolean }).execCommand = () => false;
    });
    try {
      const page = await openWechat(context, report.wechat);
      await page.getByRole('button', { name: ui.wechat.copy }).click();
      await expect
        .poll(() => page.locator('[data-wechat-status]').textContent())
        .toBe(ui.wechat.copyFailed(ui.wechat.copyUnsupported));
    } finally {
      await context.close();
    }
  });
});

describe('公众号版 page', () => {
  test('shows the article in the 677 px column with its images loaded, QR code and warning', async () => {
    const context = await newContext({ deviceScaleFactor: 1 });
    try {
      const page = await openWechat(context, report.wechat);
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) blocked.push(message.text());
      });
      await page.reload();
      const article = page.locator('[data-wechat-article]');
      const width = await article.evaluate((element) => {
        const style = getComputedStyle(element);
        return element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      });
      expect(width).toBe(677);
      // Every image, the QR code included, loads from the site's public address.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-wechat-article] img')].every(
          (img) => (img as HTMLImageElement).complete,
        ),
      );
      const broken = await article.evaluate((element) =>
        [...element.querySelectorAll('img')]
          .filter((img) => img.naturalWidth === 0)
          .map((img) => img.src),
      );
      expect(broken).toEqual([]);
      // The styles are all inline: the CSP lets exactly those apply (the figures' red top border).
      const border = await article
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td).borderTopWidth);
      expect(border).toBe('5px');
      const qr = PNG.sync.read(await article.locator('img').last().screenshot());
      expect(jsQR(new Uint8ClampedArray(qr.data), qr.width, qr.height)?.data).toBe(
        new URL(report.page, siteUrl).href,
      );
      expect(blocked, 'CSP 拦下了公众号版的样式或图片').toEqual([]);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}：${v.help}`)).toEqual([]);
      // The sample site's address is an example domain WeChat cannot reach.
      await expect.poll(() => page.locator('[data-wechat-warnings]').isVisible()).toBe(true);
      const path = join(shotDir, 'wechat-677.png');
      await article.screenshot({ path });
      // 677 px of text plus the column's 1rem padding on each side (18 px), give or take rounding.
      expect(Math.abs(PNG.sync.read(readFileSync(path)).width - (677 + 36))).toBeLessThanOrEqual(1);
    } finally {
      await context.close();
    }
  });

  test('fits a phone screen without sideways scrolling, tables and figures included', async () => {
    const context = await newContext({ viewport: { width: 375, height: 800 } });
    try {
      const page = await context.newPage();
      for (const article of articles) {
        await page.goto(server.url + article.wechat);
        const [scroll, client] = await page
          .locator('[data-wechat-article]')
          .evaluate((element) => [element.scrollWidth, element.clientWidth]);
        expect(scroll, article.wechat).toBeLessThanOrEqual(client);
      }
    } finally {
      await context.close();
    }
  });

  test('works without JavaScript: no button, the steps and the article to select by hand', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const page = await openWechat(context, report.wechat);
      expect(await page.getByRole('button', { name: ui.wechat.copy }).count()).toBe(0);
      expect(await page.locator('main').innerText()).toContain(ui.wechat.noScript);
      expect(await page.locator('[data-wechat-article]').innerText()).toContain(
        new URL(report.page, siteUrl).href,
      );
    } finally {
      await context.close();
    }
  });
});
