import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  Client,
  addTeam,
  approveAndPublish,
  git,
  http,
  makeRepo,
  notice,
  saveNotice,
  startServer,
  writeSettings,
  type RunningServer,
} from './server-harness';
import { browserTest as test } from '../support/browser-test';

/** Publish → live through the real publishing server (`npm run serve`), with 发布记录 and rollback. */

const PORT = 4461;
const work = mkdtempSync(join(tmpdir(), 'releases-server-'));
const backup = join(work, 'backup.git');
let repo = '';
let server: RunningServer;
let origin = '';
let reviewer: Client;
let editor: Client;

interface Status {
  state: string;
  message: string;
  live?: { id: string; commit: string };
  backups: { name: string; lastOkAt?: string; lastError?: string }[];
}

async function status(client: Client): Promise<Status> {
  const reply = await http(`${origin}/api/releases/status`, {
    headers: { cookie: client.cookie, 'sec-fetch-site': 'same-origin' },
  });
  expect(reply.status).toBe(200);
  return JSON.parse(reply.text) as Status;
}

const page = (path: string, client?: Client) =>
  http(`${origin}${path}`, client ? { headers: { cookie: client.cookie } } : {});

const rollback = (client: Client | undefined, id: string, from = origin) =>
  http(`${origin}/api/releases/${id}/rollback`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: from,
      ...(client ? { cookie: client.cookie } : {}),
    },
    body: '',
  });

beforeAll(async () => {
  repo = makeRepo(work);
  execFileSync('git', ['init', '-q', '--bare', backup]);
  const settingsFile = writeSettings(work, {
    repo,
    accounts: join(work, 'data/accounts.json'),
    siteDir: join(work, 'releases/current'),
    port: PORT,
    releases: { backups: [`backup=${backup}`], buildEnv: { SITE_TODAY: '2026-12-01' } },
  });
  addTeam(settingsFile);
  server = await startServer(settingsFile);
  origin = server.origin;
  reviewer = new Client(origin, 'zhangsj');
  editor = new Client(origin, 'lisi');
  await reviewer.signIn();
  await editor.signIn();
  // The first start builds main, since nothing is live yet.
  const deadline = Date.now() + 240_000;
  for (;;) {
    const { state } = await status(reviewer);
    if (state === 'live') break;
    if (state === 'failed' || Date.now() > deadline)
      throw new Error(`网站没有生成：\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('publish means live, through the publishing server', { timeout: 240_000 }, () => {
  test('serves the site built on first start', async () => {
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<html lang="zh-CN"');
  });

  test('refuses the releases API without a session, from another site, and rollback for an editor', async () => {
    expect((await http(`${origin}/api/releases/status`)).status).toBe(401);
    expect((await page('/api/releases/page')).status).toBe(401);
    const { live } = await status(reviewer);
    const foreign = await rollback(reviewer, live!.id, 'https://evil.example');
    expect(foreign.status).toBe(403);
    const byEditor = await rollback(editor, live!.id);
    expect(byEditor.status).toBe(403);
    expect(byEditor.text).toContain('只有审核人可以把旧版本恢复上线');
  });

  test('shows 已发布，网站更新中 after a publish, then 网站已更新 with the new page live', async () => {
    const slug = '2026-12-01-fabu-shangxian';
    expect((await saveNotice(editor, slug, notice('发布即上线的通知'))).status).toBe(200);
    expect((await approveAndPublish(reviewer, slug)).status).toBe(200);
    expect((await status(editor)).message).toBe('已发布，网站更新中');
    await expect
      .poll(async () => (await status(editor)).message, { timeout: 180_000, interval: 500 })
      .toBe('网站已更新');
    const published = await page(`/notices/${slug}/`);
    expect(published.status).toBe(200);
    expect(published.text).toContain('发布即上线的通知');
    expect((await status(editor)).live!.commit).toBe(git(repo, 'rev-parse', 'main'));
  });

  test('pushes main to the backup remote', async () => {
    await expect
      .poll(() => {
        try {
          return git(backup, 'rev-parse', 'refs/heads/main');
        } catch {
          return '';
        }
      })
      .toBe(git(repo, 'rev-parse', 'main'));
  });

  test('lists releases on 发布记录 with author, entries and build time; only reviewers get the rollback button', async () => {
    const forReviewer = await page('/api/releases/page', reviewer);
    expect(forReviewer.status).toBe(200);
    expect(forReviewer.headers['content-security-policy']).toContain("default-src 'none'");
    expect(forReviewer.text).toContain('网站已更新');
    expect(forReviewer.text).toContain('发布人：张书记');
    expect(forReviewer.text).toContain('发布：发布即上线的通知');
    expect(forReviewer.text).toMatch(/构建用时 \d+\.\d 秒/);
    expect(forReviewer.text).toContain('恢复这个版本上线');
    const forEditor = await page('/api/releases/page', editor);
    expect(forEditor.text).toContain('发布即上线的通知');
    expect(forEditor.text).not.toContain('恢复这个版本上线');
  });

  test('shows the status in the CMS, and a reviewer puts the previous release back in one click', async ({
    browser,
  }) => {
    try {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      const [name, value] = reviewer.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: origin }]);
      const admin = await context.newPage();
      await admin.goto(`${origin}/admin/`);
      const bar = admin.locator('#release-status');
      await expect.poll(() => bar.textContent(), { timeout: 30_000 }).toContain('网站已更新');
      const [record] = await Promise.all([
        context.waitForEvent('page'),
        bar.getByRole('link', { name: '发布记录' }).click(),
      ]);
      await record.waitForLoadState();
      expect(await record.locator('h1').textContent()).toBe('发布记录');
      const previous = record.locator('section.release', { hasText: '恢复这个版本上线' }).first();
      const heading = await previous.locator('h3').textContent();
      await previous.getByRole('button', { name: '恢复这个版本上线' }).click();
      await record.waitForURL(`${origin}/api/releases/page`);
      await record.waitForLoadState();
      const live = record.locator('section.release.live');
      expect(await live.locator('h3').textContent()).toBe(`${heading}当前在线`);
      expect(await record.locator('main').textContent()).toMatch(
        /张书记（zhangsj）把 \d{4}年\d+月\d+日 \d\d:\d\d 生成的版本（提交 [0-9a-f]{7}）恢复上线（git 历史没有改动）/,
      );
      if (process.env.RELEASES_SCREENSHOTS) {
        await record.screenshot({
          path: join(process.env.RELEASES_SCREENSHOTS, 'record.png'),
          fullPage: true,
        });
        await admin.screenshot({ path: join(process.env.RELEASES_SCREENSHOTS, 'admin.png') });
      }
    } finally {
      await Promise.all(browser.contexts().map((context) => context.close()));
    }
    expect((await page('/notices/2026-12-01-fabu-shangxian/')).status).toBe(404);
    // Git history is untouched: main still ends with the publish.
    expect(git(repo, 'log', '-1', '--format=%s')).toContain('发布即上线的通知');
  });
});
