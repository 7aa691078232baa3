import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect } from 'vitest';
import { runChecks } from '../../src/checks/run-checks';
import { cmsTest } from '../support/browser-test';
import { publishEntry } from '../support/cms-dev-server';
import { painted } from '../support/page-state';
import { repoRoot, runBuild } from '../support/run-build';

/** The CMS end to end: the real dev server on a copy of the content, driven in Chromium. */

const test = cmsTest({ port: [4350, 4369] });
// Bound from the fixtures once per file: the dev server's folder (holding content/) and address.
let work = '';
let content = '';
/** Screenshots to look at (docs/cms-*.png are copies of these). */
const shots = join(repoRoot, 'tests/.output/cms');
let origin = '';
let context: BrowserContext;
let page: Page;

function post(
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const url = new URL('/__decap/api/v1', origin);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/**
 * Opens the admin in a new tab, as a secretary does each time, and logs in to the local backend
 * (no account: one click, remembered after). A new tab starts from what is saved, never from an
 * earlier tab's editor state.
 */
async function openAdmin() {
  await page?.close();
  page = await context.newPage();
  page.on('pageerror', (error) => console.log('页面错误：', error.message));
  await page.goto(`${origin}/admin/`);
  const login = page.getByRole('button', { name: '登录' });
  const collections = page.getByText('学习园地', { exact: true }).first();
  try {
    await login.or(collections).first().waitFor({ timeout: 120_000 });
  } catch (error) {
    await page.screenshot({ path: join(work, '..', 'cms-login-failed.png') });
    throw error;
  }
  if (await login.isVisible()) await login.click();
  await collections.waitFor({ timeout: 60_000 });
}

test.beforeAll(async ({ cms, browser }) => {
  ({ work, content, origin } = cms);
  mkdirSync(shots, { recursive: true });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
}, 240_000);

describe('本机内容管理代理', () => {
  test('只接受本机 Host 和本机来源的请求', async () => {
    expect((await post({ action: 'info' })).status).toBe(200);
    for (const host of ['evil.example', 'evil.example:4321', '192.168.1.10']) {
      expect((await post({ action: 'info' }, { host })).status).toBe(403);
    }
    const fromOtherSite = await post({ action: 'info' }, { origin: 'https://evil.example' });
    expect(fromOtherSite.status).toBe(403);
  });

  test('只读写 content/ 和 public/uploads/，别处一律拒绝', async () => {
    const packageJson = readFileSync(join(repoRoot, 'package.json'), 'utf8');
    const attempts = [
      {
        action: 'persistMedia',
        params: {
          branch: 'main',
          asset: { path: 'package.json', content: 'eA==', encoding: 'base64' },
        },
      },
      {
        action: 'persistMedia',
        params: {
          branch: 'main',
          asset: { path: 'content/../package.json', content: 'eA==', encoding: 'base64' },
        },
      },
      { action: 'deleteFile', params: { branch: 'main', path: '.git/hooks/pre-commit' } },
      { action: 'getEntry', params: { branch: 'main', path: '../../etc/passwd' } },
      {
        action: 'persistEntry',
        params: {
          branch: 'main',
          dataFiles: [{ slug: 'x', path: 'src/pages/x.astro', raw: 'x' }],
          assets: [],
          options: {},
        },
      },
    ];
    for (const attempt of attempts) {
      const res = await post(attempt);
      expect(res.status, JSON.stringify(attempt)).toBe(403);
      expect(JSON.parse(res.text).error).toContain('只能读写');
    }
    expect(readFileSync(join(repoRoot, 'package.json'), 'utf8')).toBe(packageJson);
    expect(existsSync(join(work, 'src'))).toBe(false);
  });
});

describe('在浏览器里用内容管理编辑', () => {
  test('新建一期学习园地：填写全部字段和正文（含拼音输入法输入的中文），发布后文件有效，网站显示它', async () => {
    await openAdmin();
    await page.goto(`${origin}/admin/#/collections/study`);
    await page.getByText('第 6 期', { exact: false }).first().waitFor();
    await page.screenshot({ path: join(shots, 'cms-list.png') });

    await page.goto(`${origin}/admin/#/collections/study/new`);
    await page.getByLabel('标题', { exact: true }).fill('冬季学习：党章和安全常识');
    await page.getByLabel('期号', { exact: true }).fill('7');
    await page.getByLabel('月份', { exact: true }).fill('2026-12');
    await page.getByLabel('发布日期', { exact: true }).fill('2026-12-01');
    await page.getByLabel('摘要', { exact: true }).fill('本期学习党章第一章，并提醒冬季取暖安全。');
    await page.getByRole('button', { name: /新增专题|添加专题/ }).click();
    await page.locator('[id^="item-field"]').last().fill('党章学习');
    await page.getByLabel('封面图片说明').fill('党员在党群服务中心学习党章');

    const editor = page.locator('[contenteditable="true"]').last();
    await editor.click();
    await page.keyboard.type('Study notes: ');
    const cdp = await page.context().newCDPSession(page);
    const ime = '冬季取暖注意安全';
    for (const step of ['d', 'do', 'dong', 'dongji']) {
      await cdp.send('Input.imeSetComposition', {
        text: step,
        selectionStart: step.length,
        selectionEnd: step.length,
      });
    }
    await cdp.send('Input.insertText', { text: ime });
    await page.screenshot({ path: join(shots, 'cms-editor.png') });

    await publishEntry(page);
    const file = join(content, 'study/2026-12.md');
    await expect
      .poll(() => existsSync(file), { timeout: 30_000 })
      .toBe(true)
      .catch(async (error: unknown) => {
        await page.screenshot({ path: join(work, '..', 'cms-publish-failed.png') });
        throw error;
      });
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('title: 冬季学习：党章和安全常识');
    expect(written).toContain('issue: 7');
    expect(written).toContain('党章学习');
    expect(written).toContain(ime);
    expect(written).not.toContain('urlName');

    const { problems } = runChecks(work, '2026-12-02');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);

    const outDir = join(work, 'site');
    const build = await runBuild({ outDir, contentDir: content, today: '2026-12-02' });
    expect(build.code, build.output).toBe(0);
    const html = readFileSync(join(outDir, 'study/2026-12/index.html'), 'utf8');
    expect(html).toContain('冬季学习：党章和安全常识');
    expect(html).toContain(ime);
  }, 300_000);

  test('只是点开正文阅读不算改动：离开时不问，文件不变；真的改了才算', async () => {
    const file = join(content, 'study/2026-05.md');
    const before = readFileSync(file, 'utf8');
    await openAdmin();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${origin}/admin/#/collections/study/entries/2026-05`);
    const body = page.locator('[contenteditable="true"]').last();
    await body.click();
    await page.getByLabel('标题', { exact: true }).click();
    const publishButton = page.getByRole('button', { name: '发布', exact: true });
    // The title has taken focus from the body and the form has drawn what that changed.
    await page.getByLabel('标题', { exact: true }).and(page.locator(':focus')).waitFor();
    await painted(page);
    expect(await publishButton.isVisible()).toBe(false);
    await page.goto(`${origin}/admin/#/collections/study`);
    await page.getByText('第 6 期', { exact: false }).first().waitFor();
    expect(dialogs).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);

    await page.goto(`${origin}/admin/#/collections/study/entries/2026-05`);
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.type('（修改）');
    await publishButton.waitFor();
  }, 120_000);

  test('给一期学习园地上传封面图片并填写说明：图片存进媒体文件夹，文件引用它，检查通过', async () => {
    const file = join(content, 'study/2026-10.md');
    const photo = new PNG({ width: 64, height: 48 });
    photo.data.fill(200);
    await openAdmin();
    await page.goto(`${origin}/admin/#/collections/study/entries/2026-10`);
    await page.getByRole('button', { name: '选择图片' }).click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'winter-study.png',
      mimeType: 'image/png',
      buffer: PNG.sync.write(photo),
    });
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.getByLabel('封面图片说明').fill('党员志愿者在小区里劝导文明停车');
    await publishEntry(page);

    await expect
      .poll(() => readFileSync(file, 'utf8'), { timeout: 30_000 })
      .toContain('cover: /uploads/winter-study.png');
    expect(readFileSync(file, 'utf8')).toContain('coverAlt: 党员志愿者在小区里劝导文明停车');
    const uploaded = join(work, 'public/uploads/winter-study.png');
    // The picture is its own request (checked and cleaned by the write path) and may land after the entry.
    await expect.poll(() => existsSync(uploaded), { timeout: 30_000 }).toBe(true);
    expect(PNG.sync.read(readFileSync(uploaded)).width).toBe(64);
    const checked = runChecks(work, '2026-12-02', { publicDir: join(work, 'public') });
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
  }, 120_000);

  test('修改联系卡电话；填错号码时拒绝保存并用中文说明', async () => {
    const file = join(content, 'contacts/ma-jun.md');
    const openEntry = async () => {
      await openAdmin();
      await page.goto(`${origin}/admin/#/collections/contacts/entries/ma-jun`);
      return page.getByLabel('联系电话', { exact: true });
    };
    const phone = await openEntry();
    await phone.fill('13912345678');
    await publishEntry(page);
    await expect
      .poll(() => readFileSync(file, 'utf8'), { timeout: 30_000 })
      .toContain('"13912345678"');
    expect(runChecks(work, '2026-12-02').problems.filter((p) => p.severity === 'error')).toEqual(
      [],
    );

    // Open the saved entry afresh, as a secretary would the next time.
    const reopened = await openEntry();
    await expect.poll(() => reopened.inputValue(), { timeout: 30_000 }).toBe('13912345678');
    await reopened.fill('12345');
    await publishEntry(page);
    await page.getByText('联系电话格式不正确').first().waitFor();
    expect(readFileSync(file, 'utf8')).toContain('"13912345678"');
    expect(readFileSync(file, 'utf8')).not.toContain('12345"');
  }, 120_000);
});
