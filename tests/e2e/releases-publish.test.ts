import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/deploy/list-files.ts';
import { ReleaseManager, ReleaseError } from '../../src/server/releases/manager.ts';
import type { SessionUser } from '../../src/server/session-user.ts';
import { serveStatic, type StaticServer } from '../support/static-server';
import { cloneSite, commitNotice, git } from './releases-repo';

const reviewer: SessionUser = { login: 'zhang', name: '张书记', role: 'reviewer' };
const editor: SessionUser = { login: 'li', name: '李委员', role: 'editor' };

const repo = cloneSite('releases-repo-');
const dataDir = mkdtempSync(join(tmpdir(), 'releases-data-'));
const remotes = mkdtempSync(join(tmpdir(), 'releases-remotes-'));
const goodRemote = join(remotes, 'good.git');
const lateRemote = join(remotes, 'late.git');
const uploadDir = join(remotes, 'upload');
let manager: ReleaseManager;
let site: StaticServer;

function newManager(): ReleaseManager {
  return new ReleaseManager({
    repoDir: repo,
    dataDir,
    buildEnv: { SITE_TODAY: '2026-11-28' },
    backupRemotes: [
      { name: 'good', url: goodRemote },
      { name: 'late', url: lateRemote },
    ],
    deploy: { targets: [{ kind: 'local', path: uploadDir }], ssh: {}, s3: {} },
    retryDelaysMs: [200],
    log: () => {},
  });
}

async function page(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${site.url}${path}`);
  return { status: response.status, text: await response.text() };
}

const publish = (commit: string, title: string, id: string) =>
  manager.onMainCommit({
    commit,
    author: reviewer,
    entries: [{ path: `content/notices/${id}.md`, title, action: 'publish' }],
  });

beforeAll(async () => {
  execFileSync('git', ['init', '--quiet', '--bare', goodRemote]);
  manager = newManager();
  await manager.start();
  await manager.idle();
  site = await serveStatic(manager.liveDir);
});

afterAll(async () => {
  await manager?.stop();
  await site?.close();
  for (const dir of [repo, dataDir, remotes]) rmSync(dir, { recursive: true, force: true });
});

// Each build takes 5–30 s on a busy 2-core machine.
describe('publishing to the live site', { timeout: 240_000 }, () => {
  it('builds the branch on first start and serves it', async () => {
    const [first] = manager.releases();
    expect(first).toMatchObject({
      state: 'succeeded',
      trigger: 'startup',
      commit: git(repo, 'rev-parse', 'HEAD'),
    });
    expect(manager.status()).toMatchObject({ state: 'live', message: '网站已更新' });
    expect((await page('/')).status).toBe(200);
    expect(readlinkSync(manager.liveDir)).toBe(join('releases', first!.id));
  });

  it('coalesces five quick publishes into at most two builds and serves the newest', async () => {
    const before = manager.releases().length;
    for (let n = 1; n <= 5; n += 1) {
      const id = `2026-11-28-kuaisu-${n}`;
      publish(commitNotice(repo, id, `快速发布第${n}条`), `快速发布第${n}条`, id);
      expect(manager.status().message).toBe('已发布，网站更新中');
    }
    await manager.idle();
    const builds = manager.releases().slice(0, manager.releases().length - before);
    expect(builds.length).toBeLessThanOrEqual(2);
    expect(builds.every((release) => release.state === 'succeeded')).toBe(true);
    expect(builds.flatMap((release) => release.publishes)).toHaveLength(5);
    expect(builds[0]!.commit).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(manager.status()).toMatchObject({ state: 'live', message: '网站已更新' });
    for (let n = 1; n <= 5; n += 1) {
      const { status, text } = await page(`/notices/2026-11-28-kuaisu-${n}/`);
      expect(status).toBe(200);
      expect(text).toContain(`快速发布第${n}条`);
    }
  });

  it('uploads each live release to the configured folder, exactly', () => {
    expect(listFiles(uploadDir)).toEqual(listFiles(manager.liveDir));
  });

  it('pushes the branch to a backup remote, and retries one that was missing', async () => {
    const head = git(repo, 'rev-parse', 'HEAD');
    expect(git(goodRemote, 'rev-parse', 'refs/heads/main')).toBe(head);
    // The retry runs every 200 ms; between runs the job shows the error and when it retries.
    await expect
      .poll(() => manager.status().backups.find((job) => job.name.startsWith('late')), {
        timeout: 10_000,
        interval: 20,
      })
      .toMatchObject({
        running: false,
        lastError: expect.stringMatching(/推送到 late 失败/),
        nextRetryAt: expect.any(String),
      });
    execFileSync('git', ['init', '--quiet', '--bare', lateRemote]);
    await expect
      .poll(() => existsSync(join(lateRemote, 'refs/heads/main')), { timeout: 10_000 })
      .toBe(true);
    expect(git(lateRemote, 'rev-parse', 'refs/heads/main')).toBe(head);
    await expect.poll(() => manager.status().backups.every((job) => !job.lastError)).toBe(true);
  });

  it('keeps the old site live when a publish breaks the build, and says why', async () => {
    const live = manager.status().live!.id;
    const id = '2026-11-28-cuowu-riqi';
    publish(commitNotice(repo, id, '日期写错的通知', '2026-13-45'), '日期写错的通知', id);
    await manager.idle();
    const status = manager.status();
    expect(status.state).toBe('failed');
    expect(status.message).toMatch(
      /^更新失败：content\/notices\/2026-11-28-cuowu-riqi\.md 第 3 行.*2026-13-45/,
    );
    expect(status.live!.id).toBe(live);
    expect(readlinkSync(manager.liveDir)).toBe(join('releases', live));
    expect((await page(`/notices/${id}/`)).status).toBe(404);
    expect((await page('/notices/2026-11-28-kuaisu-5/')).status).toBe(200);
    expect(
      readdirSync(join(dataDir, 'releases')).filter((name) => name.endsWith('.partial')),
    ).toEqual([]);
    expect(readdirSync(join(dataDir, 'builds'))).toEqual([]);
  });

  it('lets a reviewer, and only a reviewer, put an earlier release back live', async () => {
    const [startup] = manager.releases().slice(-1);
    expect(() => manager.rollback(startup!.id, editor)).toThrow(ReleaseError);
    expect(() => manager.rollback('../../etc', reviewer)).toThrow('没有这个版本');
    manager.rollback(startup!.id, reviewer);
    expect(readlinkSync(manager.liveDir)).toBe(join('releases', startup!.id));
    expect((await page('/notices/2026-11-28-kuaisu-5/')).status).toBe(404);
    expect(manager.liveHistory()[0]).toMatchObject({
      kind: 'rollback',
      releaseId: startup!.id,
      by: { login: 'zhang', name: '张书记' },
    });
    expect(manager.status().liveBy?.by?.name).toBe('张书记');
    // History is untouched: the branch still ends with the broken publish.
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('发布：日期写错的通知');
    await manager.idle();
    expect(listFiles(uploadDir)).toEqual(listFiles(manager.liveDir));
  });

  it('remembers releases and the rollback after a restart, without rebuilding', async () => {
    const count = manager.releases().length;
    const live = manager.status().live!.id;
    await manager.stop();
    manager = newManager();
    await manager.start();
    await manager.idle();
    expect(manager.releases()).toHaveLength(count);
    expect(manager.status().live!.id).toBe(live);
    expect(manager.liveHistory()[0]!.kind).toBe('rollback');
  });

  it('keeps the old site when the server is killed mid-build, and rebuilds on the next start', async () => {
    await manager.stop();
    const live = readlinkSync(manager.liveDir);
    git(repo, 'rm', '--quiet', 'content/notices/2026-11-28-cuowu-riqi.md');
    const head = commitNotice(repo, '2026-11-28-chongqi', '重启之后的通知');
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, 'releases-server-process.ts'), repo, dataDir],
      { detached: true, stdio: 'ignore' },
    );
    const building = () => {
      const record = JSON.parse(readFileSync(join(dataDir, 'releases.json'), 'utf8'));
      const last = record.releases.at(-1);
      return last?.commit === head && last.state === 'building'
        ? existsSync(join(dataDir, 'releases', `${last.id}.partial`))
        : false;
    };
    await expect.poll(building, { timeout: 120_000, interval: 50 }).toBe(true);
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(readlinkSync(manager.liveDir)).toBe(live);
    expect((await page('/')).status).toBe(200);
    expect((await page('/notices/2026-11-28-chongqi/')).status).toBe(404);

    manager = newManager();
    await manager.start();
    const [rebuild, interrupted] = manager.releases();
    expect(rebuild).toMatchObject({ state: 'building', trigger: 'startup', commit: head });
    expect(interrupted).toMatchObject({ state: 'failed', interrupted: true, commit: head });
    await manager.idle();
    expect(manager.releases()[0]).toMatchObject({
      state: 'succeeded',
      trigger: 'startup',
      commit: head,
    });
    expect((await page('/notices/2026-11-28-chongqi/')).text).toContain('重启之后的通知');
    expect(
      readdirSync(join(dataDir, 'releases')).filter(
        (name) => !/^\d{8}-\d{6}-[0-9a-f]{7}$/.test(name),
      ),
    ).toEqual([]);
    expect(readdirSync(join(dataDir, 'builds'))).toEqual([]);
  });
});
