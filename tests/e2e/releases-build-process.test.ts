import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ReleaseManager, type ReleaseManagerOptions } from '../../src/server/releases/manager.ts';
import { cloneSite, commitNotice, git } from './releases-repo';

// The publishing server keeps one build process between publishes. These check that a kept
// process never builds with what an earlier build left: code, environment, a crash, its memory.
const reviewer = { login: 'zhang', name: '张书记', role: 'reviewer' as const };
const folders: string[] = [];
const managers: ReleaseManager[] = [];

function setUp(
  name: string,
  options: Partial<ReleaseManagerOptions> = {},
  watch: (line: string) => void = () => {},
) {
  const repo = cloneSite(`releases-process-${name}-`);
  const dataDir = mkdtempSync(join(tmpdir(), `releases-process-${name}-data-`));
  folders.push(repo, dataDir);
  const lines: string[] = [];
  const manager = new ReleaseManager({
    repoDir: repo,
    dataDir,
    buildEnv: { SITE_TODAY: '2026-11-28' },
    log: (line) => {
      lines.push(line);
      watch(line);
    },
    ...options,
  });
  managers.push(manager);
  const started = () => lines.filter((line) => line.startsWith('构建进程已启动')).length;
  const pids = () =>
    lines.flatMap((line) => /构建进程已启动（进程号 (\d+)）/.exec(line)?.[1] ?? []);
  const live = (path: string) => readFileSync(join(manager.liveDir, path), 'utf8');
  const publish = async (commit: string) => {
    manager.onMainCommit({ commit, author: reviewer, entries: [] });
    await manager.idle();
    return manager.releases()[0]!;
  };
  const folder = () => basename(readlinkSync(manager.liveDir));
  const index = () => readFileSync(join(manager.liveDir, 'pagefind/pagefind-entry.json'), 'utf8');
  const pagesFolders = () =>
    readdirSync(join(dataDir, 'releases')).filter((name) => name.endsWith('.pages'));
  return {
    repo,
    dataDir,
    lines,
    manager,
    started,
    pids,
    live,
    publish,
    folder,
    index,
    pagesFolders,
  };
}

const wasWarm = (lines: string[]) => lines.at(-1)!.includes('沿用已启动的构建进程');

afterAll(async () => {
  for (const manager of managers) await manager.stop();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the kept build process', { timeout: 300_000 }, () => {
  it('builds publish after publish in one process, each from its own commit and day', async () => {
    const buildEnv = { SITE_TODAY: '2026-11-28' };
    const { repo, manager, lines, started, live, publish } = setUp('day', { buildEnv });
    await manager.start();
    await manager.idle();
    const notice = 'notices/2026-11-25-dangyuan-minzhu-pingyi/index.html';
    expect(live(notice)).not.toContain('已截止');

    for (let n = 1; n <= 3; n++) {
      const release = await publish(commitNotice(repo, 'yi-ci-you-yi-ci', `第${n}次修订的通知`));
      expect(release.state).toBe('succeeded');
      expect(wasWarm(lines)).toBe(true);
      expect(live('notices/yi-ci-you-yi-ci/index.html')).toContain(`第${n}次修订的通知`);
      expect(live('notices/index.html')).toContain(`第${n}次修订的通知`);
    }
    // The server runs on past midnight: the same process builds the next day's site.
    buildEnv.SITE_TODAY = '2026-12-25';
    await publish(commitNotice(repo, 'yi-ci-you-yi-ci', '新的一天的通知'));
    expect(wasWarm(lines)).toBe(true);
    expect(live(notice)).toContain('已截止');
    expect(started()).toBe(1);
  });

  it('loads the pages afresh each build: a picture replaced under its name shows its new size', async () => {
    const { repo, manager, lines, live, publish } = setUp('picture');
    const gif = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: '#c00' } })
        .gif()
        .toBuffer();
    mkdirSync(join(repo, 'public/uploads'), { recursive: true });
    writeFileSync(join(repo, 'public/uploads/shi-yi.gif'), await gif(200, 100));
    writeFileSync(
      join(repo, 'content/notices/2026-11-28-tu-pian.md'),
      '---\ntitle: 带图的通知\ndate: 2026-11-28\nsummary: 带图的通知的摘要。\n---\n\n带图的通知的正文。\n\n![示意图](/uploads/shi-yi.gif)\n',
    );
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', '发布：带图的通知');
    await manager.start();
    await manager.idle();
    const image = () =>
      /<img[^>]*shi-yi\.gif[^>]*>/.exec(live('notices/2026-11-28-tu-pian/wechat/index.html'))?.[0];
    expect(image()).toContain('width: 200px');

    // Only the picture changes, so the pages' code comes out as last time: the same modules,
    // with their memory of the old picture's size, if Node were handed them again.
    writeFileSync(join(repo, 'public/uploads/shi-yi.gif'), await gif(400, 300));
    git(repo, 'commit', '--quiet', '-am', '发布：换一张示意图');
    expect((await publish(git(repo, 'rev-parse', 'HEAD'))).state).toBe('succeeded');
    expect(wasWarm(lines)).toBe(true);
    expect(image()).toContain('width: 400px');
  });

  it("builds a change to the site's code in a new process that has loaded it", async () => {
    const { repo, manager, lines, started, publish } = setUp('code');
    await manager.start();
    await manager.idle();
    // The search integration is loaded by astro.config.mjs, which Node keeps once imported.
    const path = join(repo, 'src/integrations/pagefind.ts');
    const original = readFileSync(path, 'utf8');
    const hook = "'astro:build:done': async ({ dir, logger }) => {";
    expect(original).toContain(hook);
    writeFileSync(path, original.replace(hook, `${hook}\nthrow new Error('新程序已加载');`));
    git(repo, 'commit', '--quiet', '-am', '程序：检验新代码');
    const failed = await publish(git(repo, 'rev-parse', 'HEAD'));
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('新程序已加载');
    expect(lines).toContain('网站的程序有变化，换一个新的构建进程');

    writeFileSync(path, original);
    git(repo, 'commit', '--quiet', '-am', '程序：改回来');
    expect((await publish(git(repo, 'rev-parse', 'HEAD'))).state).toBe('succeeded');
    expect(started()).toBeGreaterThanOrEqual(3);
  });

  it('fails the build of a process that died, and builds the next publish in a new one', async () => {
    const { repo, dataDir, manager, lines, pids, live, publish } = setUp('crash');
    await manager.start();
    await manager.idle();
    const liveBefore = manager.status().live!.id;
    manager.onMainCommit({
      commit: commitNotice(repo, 'beng-kui', '构建进程崩溃时的通知'),
      author: reviewer,
      entries: [],
    });
    await expect
      .poll(
        () => {
          const building = manager.status().building;
          return Boolean(
            building && existsSync(join(dataDir, 'releases', `${building.id}.partial`)),
          );
        },
        { timeout: 120_000, interval: 20 },
      )
      .toBe(true);
    process.kill(Number(pids().at(-1)), 'SIGKILL');
    await manager.idle();
    const failed = manager.releases()[0]!;
    expect(failed.state).toBe('failed');
    expect(failed.error).toBe('网站构建出错：构建进程意外退出：SIGKILL，下次发布时会重新构建');
    expect(manager.status().live!.id).toBe(liveBefore);

    const next = await publish(commitNotice(repo, 'beng-kui', '崩溃之后的通知'));
    expect(next.state).toBe('succeeded');
    expect(wasWarm(lines)).toBe(false);
    expect(new Set(pids()).size).toBeGreaterThanOrEqual(2);
    expect(live('notices/beng-kui/index.html')).toContain('崩溃之后的通知');
  });

  it('replaces a process that holds more memory than allowed after a build', async () => {
    const { repo, manager, lines, started, publish } = setUp('memory', {
      buildProcess: { maxHeapBytes: 1024 ** 2 },
    });
    await manager.start();
    await manager.idle();
    expect(lines).toContainEqual(
      expect.stringMatching(/^构建进程的堆内存仍占用 \d+ MB，超过 1 MB，换一个新的构建进程$/),
    );
    const release = await publish(commitNotice(repo, 'nei-cun', '内存上限的通知'));
    expect(release.state).toBe('succeeded');
    expect(wasWarm(lines)).toBe(false);
    expect(started()).toBe(3);
  });

  it('gives its memory back when no publish follows for a while', async () => {
    const { repo, manager, lines, started, publish } = setUp('idle', {
      buildProcess: { idleMs: 1_000 },
    });
    await manager.start();
    await manager.idle();
    expect(started()).toBe(1);
    await expect
      .poll(() => lines.includes('构建进程空闲了 1 秒，换一个新的构建进程'), { timeout: 10_000 })
      .toBe(true);
    expect(started()).toBe(2);
    const release = await publish(commitNotice(repo, 'kong-xian', '空闲之后的通知'));
    expect(release.state).toBe('succeeded');
    expect(wasWarm(lines)).toBe(false);
  });

  it('ends with the server, even when the server is killed mid-build', async () => {
    const { repo, dataDir } = setUp('killed');
    commitNotice(repo, 'fu-wu-qi', '服务器被停止时的通知');
    const server = spawn(
      process.execPath,
      [join(import.meta.dirname, 'releases-server-process.ts'), repo, dataDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const pid = () => Number(/构建进程已启动（进程号 (\d+)）/.exec(output)?.[1] ?? 0);
    // Gone, or ended and waiting to be reaped by whichever process adopted it.
    const alive = (id: number) => {
      try {
        return readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]!.split(' ')[0] !== 'Z';
      } catch {
        return false;
      }
    };
    // Astro has started writing the release: the build is under way in the kept process.
    const writing = () =>
      existsSync(join(dataDir, 'releases')) &&
      readdirSync(join(dataDir, 'releases')).some((name) => name.endsWith('.partial'));
    await expect.poll(() => pid() > 0 && writing(), { timeout: 120_000, interval: 20 }).toBe(true);
    const builder = pid();
    expect(alive(builder)).toBe(true);
    server.kill('SIGKILL');
    // The release it was writing stays unfinished: the process stopped, it did not build on.
    await expect.poll(() => alive(builder), { timeout: 30_000, interval: 20 }).toBe(false);
    const partial = readdirSync(join(dataDir, 'releases')).find((name) =>
      name.endsWith('.partial'),
    );
    expect(existsSync(join(dataDir, 'releases', partial!, 'pagefind'))).toBe(false);
  });
});

describe('pages before their search index', { timeout: 300_000 }, () => {
  it('puts the new page live while Pagefind indexes, then the complete release', async () => {
    let during: Record<string, unknown> | undefined;
    const site = setUp('pages-first', {}, (line) => {
      if (!line.endsWith('的网页已上线，搜索索引更新中')) return;
      during = {
        folder: site.folder(),
        page: site.live('notices/xian-shang/index.html'),
        sitemap: site.live('sitemap-0.xml'),
        admin: existsSync(join(site.manager.liveDir, 'admin/index.html')),
        index: site.index(),
        status: site.manager.status(),
      };
    });
    const { repo, manager, publish, folder, index, pagesFolders } = site;
    await manager.start();
    await manager.idle();
    expect(during).toBeUndefined(); // the first build has no index to lend
    const before = index();
    const count = (entry: string) =>
      (JSON.parse(entry) as { languages: Record<string, { page_count: number }> }).languages[
        'zh-cn'
      ]!.page_count;

    const release = await publish(commitNotice(repo, 'xian-shang', '先上线的通知'));
    expect(release.state).toBe('succeeded');
    expect(during).toMatchObject({
      folder: `${release.id}.pages`,
      page: expect.stringContaining('先上线的通知'),
      sitemap: expect.stringContaining('/notices/xian-shang/'),
      admin: true,
      index: before,
      status: { state: 'updating', message: '网页已更新，搜索索引更新中' },
    });
    expect(folder()).toBe(release.id);
    expect(count(index())).toBe(count(before) + 1);
    expect(pagesFolders()).toEqual([]);
    expect(manager.status()).toMatchObject({ state: 'live', message: '网站已更新' });
  });

  it('puts the site before back when the search index fails after the pages went live', async () => {
    let pagesWentLive = '';
    const site = setUp('pages-first-fails', {}, (line) => {
      if (line.endsWith('的网页已上线，搜索索引更新中')) pagesWentLive = site.folder();
    });
    const { repo, manager, publish, folder, live, pagesFolders } = site;
    await manager.start();
    await manager.idle();
    const before = folder();
    const path = join(repo, 'src/integrations/pagefind.ts');
    const announced = 'announcePagesWritten(siteDir);';
    expect(readFileSync(path, 'utf8')).toContain(announced);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(announced, `${announced}\nthrow new Error('索引出错了');`),
    );
    commitNotice(repo, 'suo-yin', '索引出错时的通知');
    git(repo, 'commit', '--quiet', '-am', '程序：索引出错');
    const failed = await publish(git(repo, 'rev-parse', 'HEAD'));
    expect(pagesWentLive).toBe(`${failed.id}.pages`);
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('索引出错了');
    expect(folder()).toBe(before);
    expect(existsSync(join(manager.liveDir, 'notices/suo-yin/index.html'))).toBe(false);
    expect(live('index.html')).toContain('<html lang="zh-CN"');
    expect(pagesFolders()).toEqual([]);
  });

  it('keeps the new pages live when the server is killed while indexing, and completes them on the next start', async () => {
    const { repo, dataDir, manager, live, folder, pagesFolders } = setUp('pages-first-killed');
    await manager.start();
    await manager.idle();
    await manager.stop();
    const head = commitNotice(repo, 'bei-ting', '索引时服务器被停止的通知');
    const server = spawn(
      process.execPath,
      [join(import.meta.dirname, 'releases-server-process.ts'), repo, dataDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    const killed = new Promise<void>((resolve) => {
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('的网页已上线，搜索索引更新中')) {
          server.kill('SIGKILL');
          resolve();
        }
      });
    });
    await killed;
    await new Promise((resolve) => server.once('exit', resolve));
    const early = folder();
    expect(early).toMatch(/\.pages$/);
    expect(live('notices/bei-ting/index.html')).toContain('索引时服务器被停止的通知');

    const next = new ReleaseManager({
      repoDir: repo,
      dataDir,
      buildEnv: { SITE_TODAY: '2026-11-28' },
      log: () => {},
    });
    managers.push(next);
    await next.start();
    expect(next.releases()[1]).toMatchObject({
      commit: head,
      state: 'failed',
      interrupted: true,
      error: '构建在更新搜索索引时被中断（服务器重启或停止），网页已是新的，搜索索引重新构建后补上',
    });
    // The restart keeps serving those pages while it builds them again.
    expect(folder()).toBe(early);
    expect(live('notices/bei-ting/index.html')).toContain('索引时服务器被停止的通知');
    await next.idle();
    expect(next.releases()[0]).toMatchObject({ commit: head, state: 'succeeded' });
    expect(folder()).toBe(next.releases()[0]!.id);
    expect(live('notices/bei-ting/index.html')).toContain('索引时服务器被停止的通知');
    expect(pagesFolders()).toEqual([]);
  });
});
