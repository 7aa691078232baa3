import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from '../support/run-build';

/** The publishing server for tests: a real git clone, the real CLI, real HTTP. */

export const PASSWORDS = {
  lisi: 'lisi-editor-2026',
  wangwu: 'wangwu-editor-2026',
  zhangsj: 'zhangsj-review-2026',
} as const;

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
}

/**
 * A clone of the project with today's content and uploads committed on main, as a branch's
 * server checkout would be.
 */
export function makeRepo(work: string): string {
  const repo = join(work, 'repo');
  execFileSync('git', ['clone', '-q', '--no-hardlinks', repoRoot, repo]);
  git(repo, 'checkout', '-q', '-B', 'main');
  for (const folder of ['content', 'public', 'src/pages']) {
    rmSync(join(repo, folder), { recursive: true, force: true });
    cpSync(join(repoRoot, folder), join(repo, folder), { recursive: true });
  }
  mkdirSync(join(repo, 'public/uploads'), { recursive: true });
  writeFileSync(join(repo, 'public/uploads/.gitkeep'), '');
  git(repo, 'add', '-A', 'content', 'public', 'src/pages');
  git(
    repo,
    '-c',
    'user.name=测试',
    '-c',
    'user.email=test@example.invalid',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    '测试内容',
  );
  return repo;
}

export function writeSettings(work: string, settings: Record<string, unknown>): string {
  mkdirSync(work, { recursive: true });
  const file = join(work, 'server.yml');
  writeFileSync(file, JSON.stringify(settings, null, 2));
  return file;
}

/** `npm run users -- …` as a person types it (the password on stdin). */
export function users(settingsFile: string, args: string[], password?: string) {
  return execFileSync(
    process.execPath,
    [join(repoRoot, 'src/server/users-cli.ts'), ...args, '--settings', settingsFile],
    { cwd: repoRoot, encoding: 'utf8', input: password ?? '', stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

export function addTeam(settingsFile: string) {
  users(
    settingsFile,
    ['add', 'lisi', '--name', '李四', '--role', 'editor', '--password-stdin'],
    PASSWORDS.lisi,
  );
  users(
    settingsFile,
    ['add', 'wangwu', '--name', '王五', '--role', 'editor', '--password-stdin'],
    PASSWORDS.wangwu,
  );
  users(
    settingsFile,
    ['add', 'zhangsj', '--name', '张书记', '--role', 'reviewer', '--password-stdin'],
    PASSWORDS.zhangsj,
  );
}

/** True when the process has ended (gone, or a zombie nobody has reaped yet). */
export function gone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return /^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    return true;
  }
}

export interface RunningServer {
  process: ChildProcess;
  origin: string;
  output: () => string;
  stop: () => Promise<void>;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|BASE_URL$|TEST$|SITE_CONTENT_DIR$)/.test(key))
      delete env[key];
  }
  return env;
}

/** Runs `npm run serve` (the CLI under the pinned Node); resolves once it says it listens. */
export function startServer(
  settingsFile: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'src/server/cli.ts'), '--settings', settingsFile, ...args],
    { cwd: repoRoot, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const stop = async () => {
    const pid = child.pid;
    if (pid === undefined || gone(pid)) return;
    child.kill('SIGTERM');
    // Polled rather than waiting for 'exit': a child's exit can go unreported while
    // execFileSync runs in the same process.
    const deadline = Date.now() + 10_000;
    while (!gone(pid)) {
      if (Date.now() > deadline) {
        console.log(`服务器 10 秒内没有停止：\n${log}`);
        child.kill('SIGKILL');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`服务器没有启动：\n${log}`)), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`服务器退出（${code}）：\n${log}`));
    });
    const watch = () => {
      const match = /发布服务器已启动：(http:\/\/[^/]+)\//.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ process: child, origin: match[1], output: () => log, stop });
      }
    };
    child.stdout?.on('data', watch);
  });
}

/** Runs the CLI expecting it to stop; resolves with its exit code and output. */
export function runServerToExit(
  settingsFile: string,
  args: string[] = [],
): Promise<{ code: number; output: string }> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'src/server/cli.ts'), '--settings', settingsFile, ...args],
    {
      cwd: repoRoot,
      env: cleanEnv({}),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code: code ?? 1, output })));
}

export interface Reply {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

export function http(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A signed-in person talking to the API as the CMS in their browser does. */
export class Client {
  cookie = '';
  constructor(
    readonly origin: string,
    readonly login: keyof typeof PASSWORDS,
  ) {}

  async signIn(password: string = PASSWORDS[this.login]): Promise<Reply> {
    const reply = await http(`${this.origin}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin },
      body: new URLSearchParams({ login: this.login, password, next: '/admin/' }).toString(),
    });
    const set = reply.headers['set-cookie'];
    const cookie = (Array.isArray(set) ? set : set ? [set] : []).find((c) =>
      c.startsWith('dzb_session='),
    );
    if (cookie) this.cookie = cookie.split(';')[0] ?? '';
    return reply;
  }

  async api(
    action: string,
    params: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    const reply = await http(`${this.origin}/api/v1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: this.origin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: JSON.stringify({ action, params: { branch: 'main', ...params } }),
    });
    let json: unknown;
    try {
      json = JSON.parse(reply.text);
    } catch {
      json = undefined;
    }
    return {
      status: reply.status,
      headers: reply.headers,
      json: json as { error?: string } & Record<string, unknown>,
    };
  }
}

export function notice(title: string, body = '通知正文。') {
  return `---\ntitle: ${title}\ndate: 2026-12-01\nsummary: ${title}的摘要\n---\n\n${body}\n`;
}

/** Saves a notice on its cms/ branch (editorial workflow), as Decap's 保存 does. */
export function saveNotice(client: Client, slug: string, raw: string, assets: unknown[] = []) {
  return client.api('persistEntry', {
    dataFiles: [{ slug, path: `content/notices/${slug}.md`, raw }],
    assets,
    options: {
      collectionName: 'notices',
      commitMessage: 'Create',
      useWorkflow: true,
      status: 'draft',
    },
  });
}

export async function approveAndPublish(reviewer: Client, slug: string, collection = 'notices') {
  const status = await reviewer.api('updateUnpublishedEntryStatus', {
    collection,
    slug,
    newStatus: 'pending_publish',
  });
  if (status.status !== 200) return status;
  return reviewer.api('publishUnpublishedEntry', { collection, slug });
}
