import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect } from 'vitest';
import { cmsTest } from '../support/browser-test';
import { publishEntry } from '../support/cms-dev-server';
import {
  HTML_PAGE,
  RENAMED_EXE,
  SVG_ONLOAD,
  ZIP_ARCHIVE,
  hugePhoto,
  smallPng,
} from '../fixtures/uploads/bad-uploads';

/** Uploads and checks at save through the real CMS backend of `npm start`, and the real CMS page. */

const test = cmsTest({ port: [4422, 4439], startTimeout: 180_000 });
// Bound from the fixtures once per file: the dev server's folder (holding content/) and address.
let work = '';
let content = '';
let uploads = '';
let origin = '';
let context: BrowserContext;
let page: Page;

async function post(
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(new URL('/__decap/api/v1', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown>,
    headers: res.headers,
  };
}

const persistMedia = (name: string, bytes: Buffer) =>
  post({
    action: 'persistMedia',
    params: {
      branch: 'main',
      asset: {
        path: `public/uploads/${name}`,
        content: bytes.toString('base64'),
        encoding: 'base64',
      },
      options: { commitMessage: `Upload “${name}”` },
    },
  });

async function openEntry(hash: string) {
  await page?.close();
  page = await context.newPage();
  await page.goto(`${origin}/admin/`);
  const login = page.getByRole('button', { name: '登录' });
  const collections = page.getByText('学习园地', { exact: true }).first();
  await login.or(collections).first().waitFor({ timeout: 120_000 });
  if (await login.isVisible()) await login.click();
  await collections.waitFor({ timeout: 60_000 });
  await page.goto(`${origin}/admin/#/collections/${hash}`);
}

const uploaded = () => (existsSync(uploads) ? readdirSync(uploads).sort() : []);

test.beforeAll(async ({ cms, browser }) => {
  ({ work, content, origin } = cms);
  uploads = join(work, 'public/uploads');
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  // The first visit compiles the CMS and its editor: pay for it here, not in a test's timeout.
  await openEntry('reports/entries/2026-06-30-lianxi-qunzhong-baogao');
  await page.locator('[contenteditable="true"]').last().waitFor({ timeout: 300_000 });
}, 600_000);

describe('本机内容管理代理：上传', () => {
  test.each([
    ['evil.html', HTML_PAGE, '网页'],
    ['evil.svg', SVG_ONLOAD, 'SVG'],
    ['photo.jpg', RENAMED_EXE, '程序'],
    ['photos.zip', ZIP_ARCHIVE, '压缩包'],
  ])('拒绝 %s，中文说明，什么也不写', async (name, bytes, kind) => {
    const { status, json } = await persistMedia(name, bytes);
    expect(status).toBe(422);
    expect(json.error).toContain(`“${name}”不是图片`);
    expect(json.error).toContain(kind);
    expect(uploaded()).not.toContain(name);
  });

  test('4000×3000 带 GPS 的手机照片：缩小、去掉拍摄信息、改成可读的名字', async () => {
    const photo = await hugePhoto();
    expect(await exifr.gps(photo)).toBeTruthy();
    const { status, json } = await persistMedia('微信图片_20261201093015.jpg', photo);
    expect(status).toBe(200);
    expect(json.path).toBe('public/uploads/weixin-tupian-20261201093015.jpg');
    const saved = readFileSync(join(uploads, 'weixin-tupian-20261201093015.jpg'));
    expect(await exifr.parse(saved, true)).toBeUndefined();
    const meta = await sharp(saved).metadata();
    expect([meta.width, meta.height]).toEqual([2400, 3200]);
    expect(saved.length).toBeLessThan(photo.length);
  }, 60_000);

  test('条目里有居民手机号：拒绝保存，说明是“正文”，文件不写', async () => {
    const raw = readFileSync(join(content, 'study/2026-10.md'), 'utf8').replace(
      /\n*$/,
      '\n\n联系王某某：13812345678。\n',
    );
    const { status, json } = await post({
      action: 'persistEntry',
      params: {
        branch: 'main',
        dataFiles: [{ slug: '2026-10', path: 'content/study/2026-10.md', raw }],
        assets: [],
        options: {
          collectionName: 'study',
          commitMessage: 'Update Study “2026-12”',
          useWorkflow: false,
          unpublished: false,
          newEntry: true,
          status: 'draft',
        },
      },
    });
    expect(status).toBe(422);
    expect(json.error).toContain('正文：发现未打码的手机号 13812345678');
    expect(json.error).toContain('138****5678');
    expect(readFileSync(join(content, 'study/2026-10.md'), 'utf8')).not.toContain('13812345678');
  });

  test('草稿里还没上传的封面：照样保存，提醒随回应带回内容管理', async () => {
    const raw =
      '---\ntitle: 冬季学习\nissue: 99\nmonth: 2026-12\ndate: 2026-12-01\nsummary: 本期学习党章。\n' +
      'cover: /uploads/later.jpg\ncoverAlt: 学习现场\ndraft: true\n---\n\n## 学习要点\n\n认真学习。\n';
    const { status, json, headers } = await post({
      action: 'persistEntry',
      params: {
        branch: 'main',
        dataFiles: [{ slug: '2026-12', path: 'content/study/2026-12.md', raw }],
        assets: [],
        options: {
          collectionName: 'study',
          commitMessage: 'Update Study “2026-12”',
          useWorkflow: false,
          unpublished: false,
          newEntry: true,
          status: 'draft',
        },
      },
    });
    expect(status, String(json.error)).toBe(200);
    const warnings = JSON.parse(decodeURIComponent(headers.get('x-cms-warnings') ?? '[]')) as {
      field?: string;
      message: string;
    }[];
    expect(warnings.map((w) => w.field)).toContain('封面图片');
    expect(existsSync(join(content, 'study/2026-12.md'))).toBe(true);
  });
});

describe('在浏览器里用内容管理上传和保存', () => {
  test('正文写了居民手机号：发布被拒绝，页面上用中文指出“正文”和打码写法', async () => {
    const file = join(content, 'reports/2026-06-30-lianxi-qunzhong-baogao.md');
    const before = readFileSync(file, 'utf8');
    await openEntry('reports/entries/2026-06-30-lianxi-qunzhong-baogao');
    const body = page.locator('[contenteditable="true"]').last();
    await body.getByText('三、下一步工作计划').waitFor({ timeout: 120_000 });
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('王某某电话 13812345678');
    await publishEntry(page);
    // The write path's answer stays on the page (Decap's own toast goes after 8 seconds).
    const notice = page.locator('#cms-notice').filter({ hasText: '没有保存' });
    await notice.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: join(work, '..', 'uploads-cms-privacy-failed.png') });
      throw error;
    });
    expect(await notice.innerText()).toContain('正文：发现未打码的手机号 13812345678');
    expect(await notice.innerText()).toContain('138****5678');
    await page.screenshot({ path: join(work, '..', 'uploads-cms-privacy.png') });
    expect(readFileSync(file, 'utf8')).toBe(before);
  }, 240_000);

  test('期号和别的一期重复：保存被拒绝，页面上指出“期号”，文件不变', async () => {
    const file = join(content, 'study/2026-09.md');
    const before = readFileSync(file, 'utf8');
    await openEntry('study/entries/2026-09');
    const issue = page.getByLabel('期号', { exact: true });
    await issue.waitFor({ timeout: 120_000 });
    // 2026-07 is 第3期.
    await issue.fill('3');
    await publishEntry(page);
    const notice = page.locator('#cms-notice').filter({ hasText: '没有保存' });
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.innerText()).toMatch(/期号[^\n]*3/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  }, 240_000);

  test('SVG 选中时就被拒绝，说明原因，什么也不上传', async () => {
    await openEntry('study/entries/2026-09');
    await page.getByRole('button', { name: '选择图片' }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: '上传' }).waitFor({ timeout: 60_000 });
    await page.locator('input[type="file"]').setInputFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: SVG_ONLOAD,
    });
    const notice = page.locator('#cms-notice[role="alert"]').filter({ hasText: '没有上传' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('“logo.svg”不是图片（看起来是SVG 矢量图');
    expect(uploaded().filter((name) => name.endsWith('.svg'))).toEqual([]);
  }, 240_000);

  test('中文名的封面（封面.png）：保存成 fengmian.png，条目引用它', async () => {
    const file = join(content, 'study/2026-08.md');
    await openEntry('study/entries/2026-08');
    await page.getByRole('button', { name: '选择图片' }).click({ timeout: 60_000 });
    await page.locator('input[type="file"]').setInputFiles({
      name: '封面.png',
      mimeType: 'image/png',
      buffer: await smallPng(),
    });
    await page.getByText('fengmian.png').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(work, '..', 'uploads-cms-chinese-name.png') });
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.getByLabel('封面图片说明').fill('党员在社区学习');
    await publishEntry(page);
    await expect
      .poll(() => readFileSync(file, 'utf8'), { timeout: 30_000 })
      .toContain('cover: /uploads/fengmian.png');
    // The entry and its picture are written side by side.
    await expect.poll(uploaded, { timeout: 30_000 }).toContain('fengmian.png');
  }, 240_000);
});
