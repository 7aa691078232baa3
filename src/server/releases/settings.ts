import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import type { DeployOptions } from '../../deploy/deploy.ts';
import { parseTarget, TargetError } from '../../deploy/targets.ts';
import { parseBackupRemotes, type BackupRemote } from './backup-push.ts';

/** The `releases:` part of the server's settings file (data/server.yml). */
export const releaseSettingsSchema = z
  .object({
    /** false: the server only serves siteDir; nothing is built on publish. */
    enabled: z.boolean({ error: 'releases.enabled 只能是 true 或 false' }).default(true),
    /** Holds the release folders and `current` (siteDir must be <dir>/current). */
    dir: z.string({ error: 'releases.dir 必须是文件夹路径' }).optional(),
    keep: z.number().int().min(1, 'releases.keep 至少为 1').default(10),
    buildTimeoutMinutes: z.number().positive().default(15),
    /** name=url or url; pushed after each publish. */
    backups: z.array(z.string(), { error: 'releases.backups 应是 git 远程地址的列表' }).default([]),
    /** s3://bucket/prefix, ssh://user@host/path, user@host:/path or an absolute folder. */
    uploads: z.array(z.string(), { error: 'releases.uploads 应是上传目标的列表' }).default([]),
    s3: z
      .object({
        endpoint: z.string().optional(),
        region: z.string().optional(),
        forcePathStyle: z.boolean().optional(),
      })
      .default({}),
    ssh: z
      .object({ keyFile: z.string().optional(), knownHostsFile: z.string().optional() })
      .default({}),
    /** Extra environment for builds, e.g. SITE_URL. */
    buildEnv: z.record(z.string(), z.string()).default({}),
    /** Minutes the build process is kept after a build (0: a fresh one for every build). */
    buildProcessIdleMinutes: z
      .number({ error: 'releases.buildProcessIdleMinutes 应是分钟数' })
      .min(0, 'releases.buildProcessIdleMinutes 不能小于 0')
      .default(10),
    /** A build process whose heap holds more than this after a build is replaced. */
    buildProcessMaxHeapMb: z
      .number({ error: 'releases.buildProcessMaxHeapMb 应是兆字节数' })
      .positive('releases.buildProcessMaxHeapMb 应大于 0')
      .default(1024),
  })
  .strict();

export interface ResolvedReleaseSettings {
  dataDir: string;
  keep: number;
  buildTimeoutMs: number;
  backupRemotes: BackupRemote[];
  deploy: DeployOptions;
  buildEnv: Record<string, string>;
  buildProcess: { idleMs: number; maxHeapBytes: number };
}

/**
 * Reads the releases settings beside the server's `siteDir`; undefined when releases are off
 * (`enabled: false`, or no `releases` section and a siteDir not named `current`).
 * Throws an Error in Chinese naming the setting to fix.
 */
export function resolveReleaseSettings(
  raw: unknown,
  sitePath: string | undefined,
  cwd: string,
): ResolvedReleaseSettings | undefined {
  // Without a releases section, only a siteDir named …/current turns releases on.
  if (raw === undefined && (!sitePath || basename(sitePath) !== 'current')) return undefined;
  const parsed = releaseSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw new Error(
      `设置里的 releases 有误：${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('；')}`,
    );
  const settings = parsed.data;
  if (!settings.enabled) return undefined;
  const abs = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const dataDir = settings.dir
    ? abs(settings.dir)
    : sitePath && basename(sitePath) === 'current'
      ? dirname(sitePath)
      : abs('data/releases');
  if (sitePath && sitePath !== join(dataDir, 'current'))
    throw new Error(
      `发布后网站从 ${join(dataDir, 'current')} 提供：请把设置里的 siteDir 改为这个路径（或写 releases: { enabled: false } 关闭自动发布）`,
    );
  let deploy: DeployOptions;
  try {
    deploy = {
      targets: settings.uploads.map((text) => parseTarget(text)),
      s3: Object.fromEntries(Object.entries(settings.s3).filter(([, v]) => v !== undefined)),
      ssh: Object.fromEntries(Object.entries(settings.ssh).filter(([, v]) => v !== undefined)),
    };
  } catch (error) {
    if (error instanceof TargetError)
      throw new Error(`设置里的 releases.uploads 有误：${error.message}`, { cause: error });
    throw error;
  }
  return {
    dataDir,
    keep: settings.keep,
    buildTimeoutMs: settings.buildTimeoutMinutes * 60_000,
    backupRemotes: parseBackupRemotes(settings.backups.join(' ')),
    deploy,
    buildEnv: settings.buildEnv,
    buildProcess: {
      idleMs: settings.buildProcessIdleMinutes * 60_000,
      maxHeapBytes: settings.buildProcessMaxHeapMb * 1024 ** 2,
    },
  };
}
