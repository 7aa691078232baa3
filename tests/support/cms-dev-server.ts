import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from './run-build.ts';

export interface CmsDevServer {
  origin: string;
  /** Holds `content/` (a copy of the sample content) and `public/uploads/`. */
  work: string;
  content: string;
  /** What the server has printed so far: it says when it reloaded a page after a file changed. */
  log(): string;
  stop(): void;
}

/** The first port of `first`–`last` nobody listens on, so parallel runs of a test do not collide. */
export async function freePortIn(first: number, last: number): Promise<number> {
  for (let port = first; port <= last; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`端口 ${first}–${last} 都被占用了`);
}

/**
 * The real dev server (`npm start`) with its local CMS backend, on a copy of the sample content so
 * what the CMS writes can be read back without touching the repository.
 */
export async function startCmsDevServer(
  port: number,
  startTimeout = 120_000,
): Promise<CmsDevServer> {
  const work = mkdtempSync(join(tmpdir(), 'cms-dev-'));
  const content = join(work, 'content');
  cpSync(join(repoRoot, 'content'), content, { recursive: true });
  const origin = `http://localhost:${port}`;
  const astro = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
  const env: NodeJS.ProcessEnv = { ...process.env, SITE_CONTENT_DIR: content };
  // vitest mirrors Vite's import.meta.env into process.env; the dev server must not inherit it.
  for (const key of Object.keys(env)) {
    if (/^(VITEST|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|BASE_URL$|TEST$)/.test(key)) delete env[key];
  }
  const server: ChildProcess = spawn(
    process.execPath,
    [astro, 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(server.pid);
    rmSync(work, { recursive: true, force: true });
  };
  const deadline = Date.now() + startTimeout;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${origin}/admin/`);
      if (res.ok) return { origin, work, content, log: () => log, stop };
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`开发服务器没有启动：\n${log}`);
}

/** Opens the admin in a new tab and logs in to the local backend (one click, no account). */
export async function openAdmin(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  // Vite's live-reload socket is answered here and stays silent: files edited elsewhere in the
  // working tree must not reload the CMS in the middle of a test.
  await page.routeWebSocket(/[?&]token=/, () => undefined);
  // Leaving an edited entry is confirmed; an old local backup of an entry is never restored.
  page.on('dialog', (dialog) => {
    const answer = dialog.message().includes('备份') ? dialog.dismiss() : dialog.accept();
    // The page may be gone already (a reload by the dev server).
    answer.catch(() => undefined);
  });
  await page.goto(`${origin}/admin/`);
  const login = page.getByRole('button', { name: '登录' });
  const collections = page.getByText('学习园地', { exact: true }).first();
  await login.or(collections).first().waitFor({ timeout: 120_000 });
  if (await login.isVisible()) await login.click();
  await collections.waitFor({ timeout: 60_000 });
  return page;
}

/** Publishes the open entry the way a secretary does: 发布 → 立即发布. */
export async function publishEntry(page: Page): Promise<void> {
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByText('立即发布', { exact: true }).click();
}
