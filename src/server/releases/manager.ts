import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployTo, type DeployOptions } from '../../deploy/deploy.ts';
import { describeTarget } from '../../deploy/targets.ts';
import { pagefindFolder } from '../../lib/routes.ts';
import { runCommand } from '../../deploy/run-command.ts';
import type { SessionUser } from '../session-user.ts';
import { pushBackup, redactCredentials, type BackupRemote } from './backup-push.ts';
import {
  buildEnv,
  finishKeptWorkDir,
  prepareKeptWorkDir,
  projectCodeKey,
  recordLastOutput,
  takeLastOutput,
} from './build-release.ts';
import { buildFailureReason, outputTail } from './build-failure.ts';
import { liveFolder, liveReleaseId, livePath, switchLive } from './live-link.ts';
import { linkTree } from './link-tree.ts';
import { isReleaseId, PAGES_FIRST_SUFFIX, releaseId } from './release-id.ts';
import { ReleaseStore } from './release-store.ts';
import { releasesToPrune } from './releases-to-prune.ts';
import { DEFAULT_RETRY_DELAYS_MS, RetryingJob, type JobState } from './retrying-job.ts';
import { RELEASE_TEXT } from './release-text.ts';
import type { LiveEvent, MainCommit, Person, Publish, ReleaseLog, ReleaseRecord } from './types.ts';
import { WarmBuilder, type WarmBuildOutcome, type WarmBuilderOptions } from './warm-builder.ts';

export interface ReleaseManagerOptions {
  /** The git repository the server commits to (bare or not). */
  repoDir: string;
  /** The branch that is the published site. */
  branch?: string;
  /** Holds releases/<id>/, the `current` symlink, work/ (the kept build folder) and releases.json. */
  dataDir: string;
  /** The installed project whose node_modules builds use (default: this checkout). */
  appDir?: string;
  /** Successful release folders kept for rollback (the live one is always kept). */
  keep?: number;
  buildTimeoutMs?: number;
  /** Added to the build's environment, e.g. the CMS backend settings, SITE_URL. */
  buildEnv?: Record<string, string>;
  backupRemotes?: BackupRemote[];
  /** Upload targets that follow the live site (rsync, S3-compatible storage). */
  deploy?: DeployOptions;
  retryDelaysMs?: readonly number[];
  /** When the kept build process is replaced (memory after a build, number of builds, idle time). */
  buildProcess?: Pick<WarmBuilderOptions, 'maxHeapBytes' | 'maxBuilds' | 'idleMs'>;
  log?: (line: string) => void;
}

export type SiteState = 'updating' | 'live' | 'failed' | 'none';

/** Where publishing stands, as the CMS shows it. */
export interface ReleaseStatus {
  state: SiteState;
  /** 已发布，网站更新中 / 网站已更新 / 更新失败：原因 */
  message: string;
  live?: ReleaseRecord;
  /** A rollback put an older release live; cleared by the next build. */
  liveBy?: LiveEvent;
  building?: ReleaseRecord;
  /** Publishes waiting for the running build to finish; they are built together. */
  waiting: Publish[];
  lastFailure?: ReleaseRecord;
  backups: JobState[];
  uploads: JobState[];
}

export class ReleaseError extends Error {
  readonly statusCode: number;

  constructor(message: string, statusCode: number) {
    super(message);
    this.statusCode = statusCode;
  }
}

const thisCheckout = fileURLToPath(new URL('../../..', import.meta.url));

function person(user: SessionUser | Person | null | undefined): Person | null {
  return user ? { login: user.login, name: user.name } : null;
}

/**
 * Turns commits on the published branch into live releases: each build runs in its own folder
 * from the commit's files, and only a finished build is switched live. One build runs at a time;
 * publishes that arrive meanwhile are built together, from the newest commit, right after it.
 */
export class ReleaseManager {
  readonly repoDir: string;
  readonly branch: string;
  readonly dataDir: string;
  readonly appDir: string;
  private readonly options: ReleaseManagerOptions;
  private readonly store: ReleaseStore;
  private record: ReleaseLog = { releases: [], live: [] };
  private waiting: Publish[] = [];
  private waitingTrigger: ReleaseRecord['trigger'] = 'publish';
  private building: ReleaseRecord | undefined;
  private worker: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private readonly backups: RetryingJob<string>[];
  private readonly uploads: RetryingJob<string>[];
  private readonly log: (line: string) => void;
  private readonly builder: WarmBuilder;

  constructor(options: ReleaseManagerOptions) {
    this.options = options;
    this.repoDir = options.repoDir;
    this.branch = options.branch ?? 'main';
    this.dataDir = options.dataDir;
    this.appDir = options.appDir ?? thisCheckout;
    this.store = new ReleaseStore(this.dataDir);
    this.log = options.log ?? ((line) => console.log(`[发布] ${line}`));
    this.builder = new WarmBuilder({
      appDir: this.appDir,
      env: this.buildEnvironment(),
      ...options.buildProcess,
      log: this.log,
    });
    const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.backups = (options.backupRemotes ?? []).map(
      (remote) =>
        new RetryingJob(
          redactCredentials(`${remote.name}（${remote.url}）`),
          async () => {
            try {
              const message = await pushBackup(this.repoDir, remote, this.branch);
              this.log(message);
              return message;
            } catch (error) {
              this.log((error as Error).message);
              throw error;
            }
          },
          delays,
        ),
    );
    const deploy = options.deploy;
    this.uploads = (deploy?.targets ?? []).map(
      (target) =>
        new RetryingJob(
          describeTarget(target),
          async (id: string) => {
            try {
              const message = await deployTo(join(this.dataDir, 'releases', id), target, deploy!);
              this.log(message);
              return message;
            } catch (error) {
              const message = `上传到 ${describeTarget(target)} 失败：${(error as Error).message}`;
              this.log(message);
              throw new Error(message, { cause: error });
            }
          },
          delays,
        ),
    );
  }

  /** The folder to serve: a symlink that always points at one complete release. */
  get liveDir(): string {
    return livePath(this.dataDir);
  }

  /**
   * Reads the record, clears what a killed build left behind, and builds the branch's newest
   * commit when the live site is missing or was never built from it.
   */
  async start(): Promise<void> {
    // Astro loads in the build process while the record is read: the first publish finds it ready.
    this.builder.prepare();
    for (const folder of ['releases', 'builds'])
      mkdirSync(join(this.dataDir, folder), { recursive: true });
    rmSync(join(this.dataDir, 'builds'), { recursive: true, force: true });
    mkdirSync(join(this.dataDir, 'builds'));
    // A killed build's folders go, except pages that went live before their search index.
    const live = liveFolder(this.dataDir);
    for (const name of readdirSync(join(this.dataDir, 'releases')))
      if (!isReleaseId(name) && name !== live)
        rmSync(join(this.dataDir, 'releases', name), { recursive: true, force: true });
    // Leftovers of a crash between writing a temporary link or record and renaming it.
    for (const name of readdirSync(this.dataDir))
      if (/^(current|releases\.json)\.\d+\.tmp$/.test(name))
        rmSync(join(this.dataDir, name), { force: true });
    this.record = this.store.load();
    for (const release of this.record.releases) {
      if (release.state === 'building') {
        release.state = 'failed';
        release.error =
          live === `${release.id}${PAGES_FIRST_SUFFIX}`
            ? RELEASE_TEXT.interruptedIndexing
            : RELEASE_TEXT.interrupted;
        release.interrupted = true;
        release.finishedAt = new Date().toISOString();
      }
    }
    this.store.save(this.record);
    const head = await this.headCommit();
    const finished = this.record.releases.some(
      (release) => release.commit === head && release.state !== 'building' && !release.interrupted,
    );
    if (head && (!live || !finished)) {
      this.log(
        live
          ? `网站落后于 ${this.branch}，重新构建 ${head.slice(0, 7)}`
          : `还没有在线的网站，构建 ${head.slice(0, 7)}`,
      );
      this.queue(
        { commit: head, at: new Date().toISOString(), author: null, entries: [] },
        'startup',
      );
    }
    if (head) for (const job of this.backups) job.trigger(head);
    // Targets catch up with the live site after a restart (unchanged files are not sent again).
    if (live) for (const job of this.uploads) job.trigger(live);
  }

  /** Called by the server after each successful commit to the branch. Returns at once. */
  onMainCommit(event: MainCommit): void {
    const publish: Publish = {
      commit: event.commit,
      at: new Date().toISOString(),
      author: person(event.author),
      entries: event.entries.map(({ path, title, action }) => ({
        path,
        action,
        ...(title ? { title } : {}),
      })),
    };
    this.queue(publish, 'publish');
    for (const job of this.backups) job.trigger(event.commit);
  }

  /** Resolves when no build is running or waiting, and background pushes and uploads are done. */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
    await Promise.all([...this.backups, ...this.uploads].map((job) => job.idle()));
  }

  /** Stops a running build (its folder is discarded; the live site stays) and all retries. */
  async stop(): Promise<void> {
    this.waiting = [];
    this.abort.abort();
    this.builder.stop();
    for (const job of [...this.backups, ...this.uploads]) job.stop();
    while (this.worker) await this.worker;
  }

  status(): ReleaseStatus {
    const liveId = liveReleaseId(this.dataDir);
    const live = this.record.releases.find((release) => release.id === liveId);
    const lastLiveEvent = this.record.live.at(-1);
    const finished = this.record.releases.filter((release) => release.state !== 'building');
    const newest = finished.at(-1);
    const lastFailure = newest?.state === 'failed' ? newest : undefined;
    let state: SiteState;
    let message: string;
    if (this.building || this.waiting.length > 0) {
      state = 'updating';
      message =
        this.building && liveFolder(this.dataDir) === `${this.building.id}${PAGES_FIRST_SUFFIX}`
          ? RELEASE_TEXT.pagesLive
          : RELEASE_TEXT.updating;
    } else if (lastFailure) {
      state = 'failed';
      message = `${RELEASE_TEXT.failed}${lastFailure.error ?? ''}`;
    } else if (live) {
      state = 'live';
      message = RELEASE_TEXT.live;
    } else {
      state = 'none';
      message = RELEASE_TEXT.none;
    }
    return {
      state,
      message,
      ...(live ? { live } : {}),
      ...(lastLiveEvent?.kind === 'rollback' && lastLiveEvent.releaseId === liveId
        ? { liveBy: lastLiveEvent }
        : {}),
      ...(this.building ? { building: this.building } : {}),
      waiting: [...this.waiting],
      ...(lastFailure ? { lastFailure } : {}),
      backups: this.backups.map((job) => ({ ...job.state })),
      uploads: this.uploads.map((job) => ({ ...job.state })),
    };
  }

  /** Builds, newest first. */
  releases(): ReleaseRecord[] {
    return [...this.record.releases].reverse();
  }

  /** Every change of the live site, newest first. */
  liveHistory(): LiveEvent[] {
    return [...this.record.live].reverse();
  }

  /**
   * Puts an earlier successful release live again. Git history is not touched: the next publish
   * builds the branch's newest commit as usual.
   */
  rollback(id: string, user: SessionUser): ReleaseRecord {
    if (user.role !== 'reviewer') throw new ReleaseError(RELEASE_TEXT.reviewerOnly, 403);
    const release = isReleaseId(id)
      ? this.record.releases.find((candidate) => candidate.id === id)
      : undefined;
    if (!release) throw new ReleaseError(RELEASE_TEXT.noSuchRelease, 404);
    if (
      release.state !== 'succeeded' ||
      release.removed ||
      !existsSync(join(this.dataDir, 'releases', id, 'index.html'))
    )
      throw new ReleaseError(RELEASE_TEXT.notRestorable, 409);
    if (liveReleaseId(this.dataDir) === id) throw new ReleaseError(RELEASE_TEXT.alreadyLive, 409);
    switchLive(this.dataDir, id);
    const by = person(user)!;
    this.record.live.push({ at: new Date().toISOString(), releaseId: id, kind: 'rollback', by });
    this.store.save(this.record);
    this.log(`${by.name}（${by.login}）把 ${id} 恢复上线`);
    for (const job of this.uploads) job.trigger(id);
    return release;
  }

  /** The server's environment without its secrets, plus the configured build settings. */
  private buildEnvironment(): NodeJS.ProcessEnv {
    return buildEnv(process.env, { ...this.options.buildEnv, SITE_INCREMENTAL_BUILD: '1' });
  }

  private async headCommit(): Promise<string | undefined> {
    const { code, output } = await runCommand('git', [
      '-C',
      this.repoDir,
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${this.branch}`,
    ]);
    return code === 0 ? output.trim() : undefined;
  }

  private queue(publish: Publish, trigger: ReleaseRecord['trigger']): void {
    if (this.abort.signal.aborted) return;
    this.waiting.push(publish);
    if (trigger === 'publish') this.waitingTrigger = 'publish';
    else if (this.waiting.length === 1) this.waitingTrigger = trigger;
    this.worker ??= this.work();
  }

  private async work(): Promise<void> {
    try {
      while (this.waiting.length > 0 && !this.abort.signal.aborted) {
        const publishes = this.waiting;
        const trigger = this.waitingTrigger;
        this.waiting = [];
        this.waitingTrigger = 'publish';
        await this.build(publishes, trigger);
      }
    } finally {
      this.worker = undefined;
    }
  }

  private async build(publishes: Publish[], trigger: ReleaseRecord['trigger']): Promise<void> {
    const commit = publishes.at(-1)!.commit;
    const started = new Date();
    const release: ReleaseRecord = {
      id: releaseId(started, commit),
      commit,
      state: 'building',
      trigger,
      publishes,
      startedAt: started.toISOString(),
    };
    this.building = release;
    this.record.releases.push(release);
    this.store.save(this.record);
    this.log(`开始构建 ${release.id}（${publishes.length} 次发布）`);
    // One kept folder: its caches make a publish that changes one entry rebuild only that entry.
    const workDir = join(this.dataDir, 'work');
    const partial = join(this.dataDir, 'releases', `${release.id}.partial`);
    const before = liveFolder(this.dataDir);
    let pagesAnnounced = false;
    let early: string | undefined;
    let ok = false;
    let output = '';
    let kept: Pick<WarmBuildOutcome, 'warm' | 'rss'> = { warm: false };
    try {
      await prepareKeptWorkDir(this.appDir, this.repoDir, commit, workDir);
      const lastOutput = takeLastOutput(workDir, join(this.dataDir, 'releases'));
      const outcome = await this.builder.build({
        workDir,
        outDir: partial,
        env: {
          ...this.buildEnvironment(),
          ...(lastOutput ? { SITE_REUSE_PAGES_FROM: lastOutput } : {}),
        },
        codeKey: await projectCodeKey(this.repoDir, commit),
        timeoutMs: this.options.buildTimeoutMs ?? 15 * 60_000,
        signal: this.abort.signal,
        onPagesWritten: () => {
          if (pagesAnnounced) return;
          pagesAnnounced = true;
          early = this.putPagesLive(release.id, partial, before);
        },
      });
      ok = outcome.ok && existsSync(join(partial, 'index.html'));
      output = outcome.output;
      kept = outcome;
      if (outcome.cpuSeconds !== undefined)
        release.buildCpuMs = Math.round(outcome.cpuSeconds * 1000);
      if (outcome.ok && !ok) output += `\n${RELEASE_TEXT.noIndex}`;
    } catch (error) {
      output += `\n${(error as Error).message}`;
    } finally {
      finishKeptWorkDir(workDir, ok && !this.abort.signal.aborted);
    }
    const finished = new Date();
    release.finishedAt = finished.toISOString();
    release.buildMs = finished.getTime() - started.getTime();
    if (ok && !this.abort.signal.aborted) {
      renameSync(partial, join(this.dataDir, 'releases', release.id));
      recordLastOutput(workDir, release.id);
      switchLive(this.dataDir, release.id);
      release.state = 'succeeded';
      this.record.live.push({ at: release.finishedAt, releaseId: release.id, kind: 'build' });
      const memory = kept.rss ? `，构建进程占用 ${Math.round(kept.rss / 1024 ** 2)} MB` : '';
      this.log(
        `${release.id} 已上线（构建 ${(release.buildMs / 1000).toFixed(1)} 秒${kept.warm ? '，沿用已启动的构建进程' : ''}${memory}）`,
      );
      this.prune();
    } else {
      rmSync(partial, { recursive: true, force: true });
      // Its pages went live early: the site goes back to what it was before this build.
      if (early && before && liveFolder(this.dataDir) === early) switchLive(this.dataDir, before);
      release.state = 'failed';
      if (this.abort.signal.aborted) release.interrupted = true;
      release.error = this.abort.signal.aborted
        ? RELEASE_TEXT.interrupted
        : buildFailureReason(output);
      release.logTail = outputTail(output);
      this.log(`${release.id} 构建失败：${release.error}`);
    }
    // This build's early pages, and those of a build the server was stopped in, once not live.
    const live = liveFolder(this.dataDir);
    for (const name of readdirSync(join(this.dataDir, 'releases')))
      if (name.endsWith(PAGES_FIRST_SUFFIX) && name !== live)
        rmSync(join(this.dataDir, 'releases', name), { recursive: true, force: true });
    this.building = undefined;
    this.store.save(this.record);
    if (release.state === 'succeeded') for (const job of this.uploads) job.trigger(release.id);
  }

  /**
   * Puts the new pages live while Pagefind still indexes them, with the live release's search
   * index: `releases/<id>.pages`, hard links to the pages being built and to that index. The build
   * then replaces it with the complete release, or puts `before` back if it fails. The first
   * build has no index to lend and goes live complete.
   */
  private putPagesLive(
    id: string,
    partial: string,
    before: string | undefined,
  ): string | undefined {
    if (!before || this.abort.signal.aborted) return undefined;
    const folder = `${id}${PAGES_FIRST_SUFFIX}`;
    const dir = join(this.dataDir, 'releases', folder);
    try {
      linkTree(partial, dir, [pagefindFolder]);
      linkTree(join(this.dataDir, 'releases', before, pagefindFolder), join(dir, pagefindFolder));
      if (liveFolder(this.dataDir) !== before || this.abort.signal.aborted)
        throw new Error('网站在此期间已切换到别的版本');
      switchLive(this.dataDir, folder);
      this.log(`${id} 的网页已上线，搜索索引更新中`);
      return folder;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      this.log(`网页没有提前上线（${(error as Error).message}），构建完成后一起上线`);
      return undefined;
    }
  }

  /** Removes the oldest successful releases beyond `keep`, never the live one. */
  private prune(): void {
    const stale = releasesToPrune(
      this.record.releases,
      this.options.keep ?? 10,
      liveReleaseId(this.dataDir),
    );
    for (const release of stale) {
      rmSync(join(this.dataDir, 'releases', release.id), { recursive: true, force: true });
      release.removed = true;
    }
  }
}
