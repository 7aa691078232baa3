/**
 * Publish-to-live on the publishing server's release side: a commit that changes one entry, handed
 * to the ReleaseManager as the server does after a publish, timed until the changed page is served
 * over HTTP from the live folder (the server's own file lookup). The repository holds this
 * checkout's last commit with generated content in place of content/.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ReleaseManager } from '../src/server/releases/manager.ts';
import { findSiteFile } from '../src/server/static-site.ts';
import { generateSiteContent } from './generate-site-content.ts';

export interface PublishResult {
  size: number;
  /** Seconds from the commit to the changed page being served, one per publish. */
  seconds: number[];
  /** Seconds from the commit to the complete release (its search index too) being live. */
  completeSeconds: number[];
  median: number;
  /** The first build of the repository (the server starting with no live site). */
  firstBuildSeconds: number;
  /** The machine's 1-minute load average when each publish finished. */
  loads: number[];
  /** CPU seconds of each publish's build in the build process (Pagefind's own process not counted). */
  cpuSeconds: number[];
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

/** This checkout's last commit, as files (what the server would have in its repository). */
function exportHead(repoRoot: string, to: string): Promise<void> {
  mkdirSync(to, { recursive: true });
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['-C', repoRoot, 'archive', '--format=tar', 'HEAD']);
    const untar = spawn('tar', ['-x', '-C', to], { stdio: ['pipe', 'ignore', 'inherit'] });
    archive.stdout.pipe(untar.stdin);
    untar.on('close', (code) => (code === 0 ? resolve() : reject(new Error('git archive 失败'))));
  });
}

function serveLive(liveDir: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end();
    };
    // A release may be removed between finding a file and reading it (old releases are pruned).
    findSiteFile(liveDir, req.url ?? '/')
      .then(async (file) => {
        if (!file) return notFound();
        const body = await readFile(file);
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(body);
      })
      .catch(notFound);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function measurePublish(options: {
  repoRoot: string;
  work: string;
  size: number;
  publishes: number;
  port: number;
  today: string;
  say: (line: string) => void;
}): Promise<PublishResult> {
  const { work, size, say } = options;
  const repo = join(work, 'repo');
  await exportHead(options.repoRoot, repo);
  generateSiteContent(join(repo, 'content'), size);
  git(repo, 'init', '--quiet', '-b', 'main');
  git(repo, 'add', '.');
  git(
    repo,
    '-c',
    'user.name=书记',
    '-c',
    'user.email=sj@example.cn',
    'commit',
    '--quiet',
    '-m',
    '内容',
  );

  const manager = new ReleaseManager({
    repoDir: repo,
    dataDir: join(work, 'data'),
    appDir: options.repoRoot,
    keep: 2,
    buildEnv: { SITE_TODAY: options.today },
    log: () => {},
  });
  const server = await serveLive(manager.liveDir, options.port);
  try {
    const t0 = performance.now();
    await manager.start();
    await manager.idle();
    const firstBuildSeconds = (performance.now() - t0) / 1000;
    if (manager.status().state !== 'live')
      throw new Error(`发布服务器第一次构建失败：${manager.status().message}`);
    say(`  发布：${size} 个条目的第一次构建 ${firstBuildSeconds.toFixed(1)} 秒`);

    // The newest report: its page and the /reports/ list both change.
    const reports = readdirSync(join(repo, 'content/reports')).sort();
    const id = (reports.at(-1) as string).replace(/\.md$/, '');
    const path = `content/reports/${id}.md`;
    const url = `http://127.0.0.1:${options.port}/reports/${id}/`;
    const seconds: number[] = [];
    const loads: number[] = [];
    const cpuSeconds: number[] = [];
    const completeSeconds: number[] = [];
    for (let n = 1; n <= options.publishes; n++) {
      const marker = `修订第${n}次`;
      const file = join(repo, path);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /^title: "(.*?)(（修订第\d+次）)?"$/m,
          `title: "$1（${marker}）"`,
        ),
      );
      git(repo, 'add', path);
      git(
        repo,
        '-c',
        'user.name=书记',
        '-c',
        'user.email=sj@example.cn',
        'commit',
        '--quiet',
        '-m',
        marker,
      );
      const commit = git(repo, 'rev-parse', 'HEAD');
      const start = performance.now();
      manager.onMainCommit({
        commit,
        author: { login: 'shuji', name: '书记', role: 'reviewer' },
        entries: [{ path, action: 'publish', title: marker }],
      });
      for (;;) {
        // A busy machine may drop a connection: that poll just found nothing yet.
        const body = await fetch(url)
          .then((r) => (r.ok ? r.text() : ''))
          .catch(() => '');
        if (body.includes(marker)) break;
        if (manager.status().state === 'failed')
          throw new Error(`发布失败：${manager.status().message}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const took = (performance.now() - start) / 1000;
      seconds.push(took);
      loads.push(loadavg()[0]!);
      await manager.idle();
      completeSeconds.push((performance.now() - start) / 1000);
      cpuSeconds.push((manager.releases()[0]?.buildCpuMs ?? 0) / 1000);
      say(
        `  发布：${size} 个条目，第 ${n}/${options.publishes} 次改一篇报告到网页更新 ${took.toFixed(1)} 秒，搜索索引也更新 ${completeSeconds.at(-1)!.toFixed(1)} 秒（构建进程 CPU ${cpuSeconds.at(-1)!.toFixed(1)} 秒，负载 ${loads.at(-1)!.toFixed(1)}）`,
      );
    }
    return {
      size,
      seconds,
      median: median(seconds),
      completeSeconds,
      firstBuildSeconds,
      loads,
      cpuSeconds,
    };
  } finally {
    await manager.stop();
    await new Promise((resolve) => server.close(resolve));
  }
}
