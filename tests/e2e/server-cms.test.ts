import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject } from 'vitest';
import { browserTest as test } from '../support/browser-test';
import { repoRoot } from '../support/run-build';
import {
  PASSWORDS,
  addTeam,
  git,
  makeRepo,
  startServer,
  writeSettings,
  type RunningServer,
} from './server-harness';

/**
 * The publishing server in real Chromium: an editor writes and submits on the built CMS, a
 * reviewer in another browser approves and publishes, and git shows who did what.
 */

const work = mkdtempSync(join(tmpdir(), 'server-cms-'));
const shots = join(repoRoot, 'tests/.output/server');
/** Copies for docs/cms-guide.md, refreshed with UPDATE_DOCS_SCREENSHOTS=1. */
const docs = join(repoRoot, 'docs/screenshots');
const updateDocs = process.env.UPDATE_DOCS_SCREENSHOTS === '1';
let repo = '';
let server: RunningServer;
let origin = '';
// Bound from the fixture once per file.
let browser: Browser;
const SLUG_NAME = 'tingdian';
const TITLE = '12月5日上午停电通知';

function shot(page: Page, name: string, forDocs = false) {
  const path = join(shots, name);
  return page.screenshot({ path }).then(() => {
    if (forDocs && updateDocs) copyFileSync(path, join(docs, name));
  });
}

async function signIn(context: BrowserContext, login: keyof typeof PASSWORDS, shotName?: string) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log('页面错误：', error.message));
  await page.goto(`${origin}/admin/`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(PASSWORDS[login]);
  if (shotName) await shot(page, shotName, true);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/admin\/(#.*)?$/);
  await page.getByText('通知公告', { exact: true }).first().waitFor({ timeout: 120_000 });
  return page;
}

test.beforeAll(async ({ browser: opened }) => {
  browser = opened;
  mkdirSync(shots, { recursive: true });
  mkdirSync(docs, { recursive: true });
  repo = makeRepo(work);
  const settingsFile = writeSettings(work, {
    repo,
    accounts: join(work, 'data/accounts.json'),
    siteDir: process.env.SERVER_SITE_DIR ?? inject('siteDir'),
    port: 4455,
  });
  addTeam(settingsFile);
  server = await startServer(settingsFile);
  origin = server.origin;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('发布服务器上的内容管理', () => {
  test('手机上（390×844）登录：中文登录页，大字号；新建通知并提交审核', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await phone.newPage();
    await page.goto(`${origin}/admin/`);
    await page.waitForURL(/\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('input:not([type=hidden]), button')].map((el) => {
        const box = el.getBoundingClientRect();
        return {
          height: box.height,
          width: box.width,
          font: parseFloat(getComputedStyle(el).fontSize),
        };
      }),
    );
    for (const size of sizes) {
      expect(size.height).toBeGreaterThanOrEqual(44);
      // 16px or more: phones do not zoom into the field.
      expect(size.font).toBeGreaterThanOrEqual(16);
      expect(size.width).toBeLessThanOrEqual(390);
    }
    await page.getByLabel('登录名').fill('lisi');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').getByText('登录名或密码不正确').waitFor();
    await shot(page, 'server-signin-phone.png', true);
    await page.getByLabel('密码').fill(PASSWORDS.lisi);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin\//);
    await page.getByText('通知公告', { exact: true }).first().waitFor({ timeout: 120_000 });
    await page.getByText('李四（编辑）').waitFor();
    await shot(page, 'server-admin-phone.png');

    // Writing and submitting on the phone.
    await page.goto(`${origin}/admin/#/collections/notices/new`);
    await page.getByLabel('网址名', { exact: false }).first().fill('shouji');
    await page.getByLabel('标题', { exact: true }).fill('手机上写的通知');
    await page.getByLabel('发布日期', { exact: true }).fill('2026-12-01');
    await page.locator('[contenteditable="true"]').last().click();
    await page.keyboard.type('在手机上写好并提交审核。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('状态: 草稿').waitFor({ timeout: 30_000 });
    await page.getByText('状态: 草稿').click();
    await page.getByRole('menuitem', { name: '审核中' }).click();
    await page.getByText('状态: 审核中').waitFor({ timeout: 30_000 });
    await shot(page, 'server-submit-phone.png');
    expect(git(repo, 'config', 'branch.cms/notices/2026-12-01-shouji.cmsstatus')).toBe(
      'pending_review',
    );
    expect(
      git(repo, 'log', '--format=%an|%s', 'cms/notices/2026-12-01-shouji', '-2').split('\n'),
    ).toEqual(['李四|提交审核 通知公告 手机上写的通知', '李四|新建通知公告 手机上写的通知']);
    await phone.close();
  }, 180_000);

  test('编辑新建通知并提交审核；想直接“就绪”时被拒绝，看到中文原因', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    const page = await signIn(context, 'lisi', 'server-signin.png');
    await page.goto(`${origin}/admin/#/collections/notices/new`);
    await page.getByLabel('网址名', { exact: false }).first().fill(SLUG_NAME);
    await page.getByLabel('标题', { exact: true }).fill(TITLE);
    await page.getByLabel('发布日期', { exact: true }).fill('2026-12-01');
    const body = page.locator('[contenteditable="true"]').last();
    await body.click();
    await page.keyboard.type('12月5日上午9点至11点线路检修，停电两小时。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('状态: 草稿').waitFor({ timeout: 30_000 });

    const branch = `refs/heads/cms/notices/2026-12-01-${SLUG_NAME}`;
    expect(git(repo, 'for-each-ref', '--format=%(refname)', 'refs/heads/cms/')).toContain(branch);
    const file = git(repo, 'show', `${branch}:content/notices/2026-12-01-${SLUG_NAME}.md`);
    expect(file).toContain(`title: ${TITLE}`);
    expect(file).toContain('停电两小时');

    await page.getByText('状态: 草稿').click();
    await page.getByRole('menuitem', { name: '审核中' }).click();
    await page.getByText('状态: 审核中').waitFor({ timeout: 30_000 });
    expect(git(repo, 'config', `branch.cms/notices/2026-12-01-${SLUG_NAME}.cmsstatus`)).toBe(
      'pending_review',
    );

    // An editor cannot approve: the server refuses and the CMS says why, in Chinese.
    await page.getByText('内容状态已更新').waitFor({ state: 'hidden', timeout: 30_000 });
    await page.getByText('状态: 审核中').click();
    await page.getByRole('menuitem', { name: '就绪' }).click();
    const refusal = page.getByText(/只有“审核”角色的账号能审核通过/).first();
    await refusal.waitFor({ timeout: 30_000 });
    // The toast slides in: wait until it is fully on screen for the picture.
    await expect
      .poll(() =>
        refusal.evaluate((el) => {
          const box = el.getBoundingClientRect();
          let node: Element | null = el;
          let opacity = 1;
          while (node) {
            opacity *= Number(getComputedStyle(node).opacity);
            node = node.parentElement;
          }
          return box.top >= 0 && box.right <= innerWidth && opacity === 1;
        }),
      )
      .toBe(true);
    await shot(page, 'server-editor-refused.png', true);
    expect(await refusal.textContent()).toMatch(/^更新状态失败/);
    expect(await refusal.textContent()).not.toMatch(/API_ERROR/);
    expect(git(repo, 'config', `branch.cms/notices/2026-12-01-${SLUG_NAME}.cmsstatus`)).toBe(
      'pending_review',
    );
    expect(git(repo, 'log', '--format=%an|%s', branch, '-2').split('\n')).toEqual([
      `李四|提交审核 通知公告 ${TITLE}`,
      `李四|新建通知公告 ${TITLE}`,
    ]);
    await context.close();
  }, 180_000);

  test('审核人在另一个浏览器登录，审核通过并发布；main 上的提交署着各自的名字', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    const page = await signIn(context, 'zhangsj');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${origin}/admin/#/workflow`);
    const card = page.getByText(TITLE).first();
    await card.waitFor({ timeout: 60_000 });
    // The card names who wrote the draft.
    await page.getByText('李四').first().waitFor();
    await shot(page, 'server-review-workflow.png', true);
    await card.click();
    await page.getByText('状态: 审核中').waitFor({ timeout: 60_000 });
    await page.getByText('状态: 审核中').click();
    await page.getByRole('menuitem', { name: '就绪' }).click();
    await page.getByText('状态: 就绪').waitFor({ timeout: 30_000 });
    await shot(page, 'server-review-ready.png', true);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText('立即发布', { exact: true }).click();
    const path = `content/notices/2026-12-01-${SLUG_NAME}.md`;
    await expect
      .poll(
        () => {
          try {
            return git(repo, 'show', `main:${path}`);
          } catch {
            return '';
          }
        },
        { timeout: 60_000 },
      )
      .toContain('停电两小时');
    await expect
      .poll(() => (existsSync(join(repo, path)) ? readFileSync(join(repo, path), 'utf8') : ''))
      .toContain('停电两小时');
    expect(git(repo, 'log', '--format=%an <%ae>|%s', 'main', '-4').split('\n')).toEqual([
      `张书记 <zhangsj@dangzhibu.invalid>|发布通知公告 ${TITLE}`,
      `张书记 <zhangsj@dangzhibu.invalid>|审核通过 通知公告 ${TITLE}`,
      `李四 <lisi@dangzhibu.invalid>|提交审核 通知公告 ${TITLE}`,
      `李四 <lisi@dangzhibu.invalid>|新建通知公告 ${TITLE}`,
    ]);
    await page
      .getByText(/已发布|内容已发布/)
      .first()
      .waitFor({ timeout: 30_000 });

    // Signing out ends the session: the CMS is behind the sign-in page again.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login\?out=1/);
    await page.getByText('已退出登录').waitFor();
    await page.goto(`${origin}/admin/`);
    await page.waitForURL(/\/login\?next=/);
    await context.close();
  }, 180_000);
});
