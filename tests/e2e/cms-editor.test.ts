import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { cmsTest } from '../support/browser-test';
import { openAdmin, publishEntry, type CmsDevServer } from '../support/cms-dev-server';
import { bodyEditor, caretAfter } from '../support/ime';
import { repoRoot } from '../support/run-build';

/**
 * The body editor in the real CMS: Markdown stays as written, pasting from Word/WeChat/Excel gives
 * clean Markdown, the table button, lists newest first, and the whole admin on a 390×844 phone.
 */

const shots = join(repoRoot, 'tests/.output/cms-editor');
const test = cmsTest({ port: 4406 });
// Bound from the fixtures once per file for the helpers below.
let server: CmsDevServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ cms, browser: opened }) => {
  mkdirSync(shots, { recursive: true });
  server = cms;
  browser = opened;
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
});

async function fresh(target: BrowserContext = context) {
  await page?.close();
  page = await openAdmin(target, server.origin);
  return page;
}

function file(entry: string) {
  return join(server.content, entry);
}

function body(text: string) {
  return text.slice(text.indexOf('\n---', 3) + 4).trim();
}

async function waitForChange(path: string, before: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const now = readFileSync(path, 'utf8');
    if (now !== before) return now;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`保存后文件没有变化：${path}`);
}

async function newStudy(month: string, issue: number) {
  await page.goto(`${server.origin}/admin/#/collections/study/new`);
  await page.getByLabel('标题', { exact: true }).fill('粘贴测试');
  await page.getByLabel('期号', { exact: true }).fill(String(issue));
  await page.getByLabel('月份', { exact: true }).fill(month);
  await page.getByLabel('发布日期', { exact: true }).fill(`${month}-01`);
  await page.getByLabel('摘要', { exact: true }).fill('粘贴的内容。');
  await bodyEditor(page).click();
}

async function waitForSaved(path: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`没有保存：${path}`);
}

describe('正文原样保存', () => {
  test('打开条目、点进正文、离开：不问“是否离开”，没有文件被改写', async () => {
    const entries = [
      'study/2026-05.md',
      'study/2026-07.md',
      'notices/2026-09-01-zhongqiu-linli-lianhuan.md',
    ];
    const before = new Map(entries.map((entry) => [entry, readFileSync(file(entry), 'utf8')]));
    const stamps = new Map(entries.map((entry) => [entry, statSync(file(entry)).mtimeMs]));
    await fresh();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void dialogs.push(dialog.message()));
    for (const entry of entries) {
      const [collection, name] = entry.replace(/\.md$/, '').split('/');
      await page.goto(`${server.origin}/admin/#/collections/${collection}/entries/${name}`);
      await bodyEditor(page).click();
      await page.keyboard.press('End');
      await page.getByLabel('标题', { exact: true }).click();
      expect(await page.getByRole('button', { name: '发布', exact: true }).isVisible()).toBe(false);
    }
    await page.goto(`${server.origin}/admin/#/collections/study`);
    await page.locator('a[href*="/collections/study/entries/"]').first().waitFor();
    expect(dialogs).toEqual([]);
    for (const entry of entries) {
      expect(readFileSync(file(entry), 'utf8')).toBe(before.get(entry));
      expect(statSync(file(entry)).mtimeMs).toBe(stamps.get(entry));
    }
  }, 120_000);

  test('改一个词只改那一段的那一行，改一个单元格只改那一行表格', async () => {
    const path = file('study/2026-07.md');
    const before = readFileSync(path, 'utf8');
    await fresh();
    await page.goto(`${server.origin}/admin/#/collections/study/entries/2026-07`);
    await bodyEditor(page).click();
    await caretAfter(page, '讲规矩');
    await page.keyboard.type('守纪');
    await caretAfter(page, '支部每年对照这个标准');
    await page.keyboard.type('认真');
    await publishEntry(page);
    // The whole file: the front matter's lines stay as written too.
    const after = await waitForChange(path, before);
    const lines = before.split('\n');
    expect(after.split('\n').filter((line, i) => line !== lines[i])).toEqual([
      '| 讲规矩守纪 | 有纪律 | 按时足额交纳党费，不信谣不传谣，遵守社区公约 |',
      '支部每年对照这个标准认真开展党员民主评议，先自评，再互评，最后由支部综合评定，评议结果向全体党员通报。',
    ]);
    expect(after.split('\n')).toHaveLength(lines.length);
  }, 120_000);
});

describe('粘贴', () => {
  const samples = [
    { name: 'word-numbered-list', month: '2031-01', issue: 201 },
    { name: 'wechat-article', month: '2031-02', issue: 202 },
    { name: 'excel-range', month: '2031-03', issue: 203 },
  ];
  test.each(samples)(
    '$name：粘贴进编辑器，保存的正文就是干净的 Markdown',
    async ({ name, month, issue }) => {
      const dir = join(repoRoot, 'tests/fixtures/paste');
      const html = readFileSync(join(dir, `${name}.html`), 'utf8');
      const expected = readFileSync(join(dir, `${name}.md`), 'utf8').trim();
      await fresh();
      await newStudy(month, issue);
      await bodyEditor(page).evaluate((element, clip) => {
        const data = new DataTransfer();
        data.setData('text/html', clip);
        data.setData('text/plain', 'plain');
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, html);
      await expect.poll(() => bodyEditor(page).innerText()).not.toBe('');
      if (/外部图片|此处原有/.test(expected)) {
        await page.getByRole('status').filter({ hasText: '上传' }).waitFor();
      }
      await page.screenshot({ path: join(shots, `paste-${name}.png`) });
      await publishEntry(page);
      const saved = await waitForSaved(file(`study/${month}.md`));
      expect(body(saved)).toBe(expected);
    },
    120_000,
  );
});

describe('表格按钮', () => {
  test('插入 3×3 表格，填写后保存为 GFM 表格', async () => {
    await fresh();
    await newStudy('2031-04', 204);
    await page.keyboard.type('本月安排：');
    await page.getByRole('button', { name: '表格', exact: true }).click();
    for (const text of ['时间', '地点', '内容', '12月5日', '党群服务中心', '主题党日']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    await expect.poll(() => page.getByRole('button', { name: '加一行' }).isVisible()).toBe(true);
    await publishEntry(page);
    const saved = body(await waitForSaved(file('study/2031-04.md'))).split('\n');
    expect(saved.slice(0, 5)).toEqual([
      '本月安排：',
      '',
      '| 时间 | 地点 | 内容 |',
      '| - | - | - |',
      '| 12月5日 | 党群服务中心 | 主题党日 |',
    ]);
    expect(saved).toHaveLength(6);
  }, 120_000);
});

describe('列表按日期从新到旧', () => {
  test.each(['study', 'notices', 'reports'])('%s 列表第一条是最新的', async (collection) => {
    const names = readdirSync(join(server.content, collection))
      .filter((name) => name.endsWith('.md'))
      .map((name) => {
        const text = readFileSync(join(server.content, collection, name), 'utf8');
        return { slug: name.replace(/\.md$/, ''), date: /^date: (\S+)/m.exec(text)?.[1] ?? '' };
      })
      .sort((a, b) => b.date.localeCompare(a.date));
    await fresh();
    await page.goto(`${server.origin}/admin/#/collections/${collection}`);
    const links = page.locator(`a[href*="/collections/${collection}/entries/"]`);
    await links.first().waitFor();
    const first = await links.first().getAttribute('href');
    expect(first).toContain(`/entries/${names[0]!.slug}`);
  });
});

describe('手机 390×844', () => {
  let phone: BrowserContext;
  beforeAll(async () => {
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
  });
  afterAll(async () => {
    await page?.close();
    await phone?.close();
  });

  async function noSideScroll() {
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.body).toBeLessThanOrEqual(390);
  }

  async function smallTargets(selector: string) {
    return page.locator(selector).evaluateAll((elements) =>
      elements
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        .map((element) => {
          const box = element.getBoundingClientRect();
          return {
            text: (element.textContent ?? '').trim().slice(0, 12),
            w: box.width,
            h: box.height,
          };
        })
        .filter((box) => box.w < 44 || box.h < 44),
    );
  }

  test('栏目列表：不横向滚动', async () => {
    await fresh(phone);
    await page.goto(`${server.origin}/admin/#/collections/study`);
    await page.locator('a[href*="/collections/study/entries/"]').first().waitFor();
    await noSideScroll();
    await page.screenshot({ path: join(shots, 'phone-list.png') });
  });

  test('编辑条目：预览默认关闭，不横向滚动，发布、删除在屏幕上，按钮至少 44 像素', async () => {
    await fresh(phone);
    await page.goto(`${server.origin}/admin/#/collections/study/entries/2026-05`);
    await bodyEditor(page).waitFor();
    await expect.poll(() => page.locator('iframe').count()).toBe(0);
    await bodyEditor(page).tap();
    await page.keyboard.type('（改）');
    await noSideScroll();
    for (const name of [/^发布$/, /^删除/]) {
      const button = page.getByRole('button', { name });
      const box = await button.boundingBox();
      expect(box, String(name)).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    expect(await smallTargets('.body-editor-button')).toEqual([]);
    await page.screenshot({ path: join(shots, 'phone-editor.png') });
  });

  test('媒体库：不横向滚动', async () => {
    await fresh(phone);
    await page.goto(`${server.origin}/admin/#/collections/study/entries/2026-05`);
    await page.getByRole('button', { name: '选择图片' }).click();
    await page.getByRole('button', { name: '选用已选中项目' }).waitFor();
    await noSideScroll();
    await page.screenshot({ path: join(shots, 'phone-media.png') });
  });
});
