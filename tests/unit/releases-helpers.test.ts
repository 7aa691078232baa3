import { describe, expect, it } from 'vitest';
import { parseBackupRemotes, redactCredentials } from '../../src/server/releases/backup-push.ts';
import { buildFailureReason } from '../../src/server/releases/build-failure.ts';
import { buildEnv } from '../../src/server/releases/build-release.ts';
import { isReleaseId, releaseId } from '../../src/server/releases/release-id.ts';
import { formatBuildTime, formatReleaseTime } from '../../src/server/releases/release-time.ts';
import { releasesToPrune } from '../../src/server/releases/releases-to-prune.ts';
import { resolveReleaseSettings } from '../../src/server/releases/settings.ts';
import type { ReleaseRecord } from '../../src/server/releases/types.ts';

const checksOutput = `20:30:42 [ERROR] [content-check] 
\u001b[31m✖ 错误  content/study/2026-02.md 第 3 行
    字段：期号（issue）
    “期号”应为大于 0 的整数\u001b[39m

✖ 错误  content/study/2026-02.md 第 7 行
    字段：专题（topics）
    “专题”应为文字列表

20:30:42 [ERROR] [content-check] An unhandled error occurred while running the "astro:config:setup" hook
内容检查：共 6 个条目，2 个错误，0 个提醒。请按上面的提示修改后再发布。（13 毫秒）`;

describe('why a build failed', () => {
  it('names the first content problem: file, line, field and what is expected', () => {
    expect(buildFailureReason(checksOutput)).toBe(
      'content/study/2026-02.md 第 3 行，期号（issue）：“期号”应为大于 0 的整数（共 2 个错误）',
    );
  });

  it('falls back to the search index or Astro message', () => {
    expect(buildFailureReason('x\n建立搜索索引失败：没有标记正文\n')).toBe(
      '建立搜索索引失败：没有标记正文',
    );
    expect(buildFailureReason('[astro] Unable to load your Astro config\n  at x (y.js:1:2)')).toBe(
      '网站构建出错：[astro] Unable to load your Astro config',
    );
    expect(buildFailureReason('')).toMatch(/^网站构建出错/);
    expect(buildFailureReason('10:01:02 [build] 正在生成页面\n（构建进程意外退出：SIGKILL）')).toBe(
      '网站构建出错：构建进程意外退出：SIGKILL，下次发布时会重新构建',
    );
    const vite = `20:57:14 [content-check] 内容检查：共 26 个条目，0 个错误，1 个提醒。
20:57:21 [ERROR] [vite] ✗ Build failed in 1.62s
[vite]: Rolldown failed to resolve import "@/lib/x" from "src/pages/a.ts".
  Stack trace:`;
    expect(buildFailureReason(vite)).toBe(
      '网站构建出错：[vite] ✗ Build failed in 1.62s [vite]: Rolldown failed to resolve import "@/lib/x" from "src/pages/a.ts".',
    );
  });
});

describe('release helpers', () => {
  it('names release folders by time and commit, and accepts only such names', () => {
    const id = releaseId(new Date('2026-11-30T12:35:07.123Z'), 'abc1234def5678');
    expect(id).toBe('20261130-123507-abc1234');
    expect(isReleaseId(id)).toBe(true);
    expect(isReleaseId('../current')).toBe(false);
    expect(isReleaseId(`${id}.partial`)).toBe(false);
  });

  it('shows times in Beijing time', () => {
    expect(formatReleaseTime('2026-11-30T12:35:00Z')).toBe('2026年11月30日 20:35');
    expect(formatBuildTime(12_345)).toBe('12.3 秒');
    expect(formatBuildTime(125_000)).toBe('2 分 5 秒');
  });

  it('keeps secrets and test switches out of a build', () => {
    const env = buildEnv(
      {
        PATH: '/usr/bin',
        AWS_SECRET_ACCESS_KEY: 's',
        SESSION_SECRET: 's',
        GITEE_TOKEN: 't',
        DEPLOY_TARGETS: 's3://x',
        VITEST: 'true',
        SITE_CONTENT_DIR: '/tmp/x',
      },
      { SITE_URL: 'https://example.cn' },
    );
    expect(env).toEqual({ PATH: '/usr/bin', SITE_URL: 'https://example.cn' });
  });

  it('never shows a token from a remote URL', () => {
    expect(
      redactCredentials("fatal: unable to access 'https://zhang:ghp_secret@gitee.com/a/b.git/'"),
    ).toBe("fatal: unable to access 'https://***@gitee.com/a/b.git/'");
    expect(parseBackupRemotes('gitee=https://u:t@gitee.com/a/b.git /srv/backup.git')).toEqual([
      { name: 'gitee', url: 'https://u:t@gitee.com/a/b.git' },
      { name: '备份2', url: '/srv/backup.git' },
    ]);
  });
});

describe('release settings', () => {
  it('are off unless asked for or the site folder is a release link', () => {
    expect(resolveReleaseSettings(undefined, '/srv/site/dist', '/srv/site')).toBeUndefined();
    expect(
      resolveReleaseSettings({ enabled: false }, '/srv/site/dist', '/srv/site'),
    ).toBeUndefined();
    expect(
      resolveReleaseSettings(undefined, '/srv/site/data/releases/current', '/srv/site'),
    ).toMatchObject({
      dataDir: '/srv/site/data/releases',
      keep: 10,
      buildProcess: { idleMs: 600_000, maxHeapBytes: 1024 ** 3 },
    });
    expect(
      resolveReleaseSettings(
        { buildProcessIdleMinutes: 0, buildProcessMaxHeapMb: 512 },
        undefined,
        '/srv/site',
      )?.buildProcess,
    ).toEqual({ idleMs: 0, maxHeapBytes: 512 * 1024 ** 2 });
    expect(() =>
      resolveReleaseSettings({ buildProcessIdleMinutes: -1 }, undefined, '/srv/site'),
    ).toThrow(/releases\.buildProcessIdleMinutes 不能小于 0/);
  });

  it('explain a wrong site folder or upload target in Chinese', () => {
    expect(() => resolveReleaseSettings({}, '/srv/site/dist', '/srv/site')).toThrow(
      /从 \/srv\/site\/data\/releases\/current 提供：请把设置里的 siteDir 改为/,
    );
    expect(() => resolveReleaseSettings({ uploads: ['nowhere'] }, undefined, '/srv/site')).toThrow(
      /releases\.uploads 有误/,
    );
    expect(
      resolveReleaseSettings(
        {
          uploads: ['s3://site-bucket/'],
          backups: ['gitee=git@gitee.com:a/b.git'],
          s3: { region: 'oss-cn-hangzhou' },
        },
        undefined,
        '/srv/site',
      ),
    ).toMatchObject({
      deploy: {
        targets: [{ kind: 's3', bucket: 'site-bucket' }],
        s3: { region: 'oss-cn-hangzhou' },
      },
      backupRemotes: [{ name: 'gitee', url: 'git@gitee.com:a/b.git' }],
    });
  });
});

describe('old release folders', () => {
  const release = (id: string, state: ReleaseRecord['state'] = 'succeeded'): ReleaseRecord => ({
    id,
    commit: id,
    state,
    trigger: 'publish',
    publishes: [],
    startedAt: '2026-11-30T00:00:00Z',
  });
  const all = [release('a'), release('b', 'failed'), release('c'), release('d'), release('e')];

  it('keeps the newest successful ones and whichever is live', () => {
    expect(releasesToPrune(all, 2, 'e').map((r) => r.id)).toEqual(['a', 'c']);
    expect(releasesToPrune(all, 2, 'a').map((r) => r.id)).toEqual(['c']);
    expect(releasesToPrune(all, 10, 'e')).toEqual([]);
    expect(releasesToPrune([{ ...release('a'), removed: true }, release('c')], 1, 'c')).toEqual([]);
  });
});
