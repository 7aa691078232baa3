import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { MEDIA_FOLDER } from '../../cms/names.ts';
import { git } from '../git.ts';
import { isReleaseId } from './release-id.ts';

/** The kept build process works in a folder of its own per build, named so, in the build folder. */
export const WORKER_FOLDER_PREFIX = '.cwd-';

/** Astro's and Vite's caches stay in the build folder, not in the shared node_modules. */
const OWN_CACHES = new Set(['.astro', '.vite', '.cache']);

/** Variables a build must not see: secrets of the server, and test switches that skip the checks. */
const NOT_FOR_BUILDS =
  /SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|_KEY$|^AWS_|^DEPLOY_|^BACKUP_|^VITEST|^NODE_ENV$|^SITE_CONTENT_DIR$|^NODE_OPTIONS$/i;

export function buildEnv(
  base: NodeJS.ProcessEnv,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base))
    if (!NOT_FOR_BUILDS.test(name)) env[name] = value;
  return { ...env, ...extra };
}

/** Node 24 from the project (the `node` package) unless this process already runs a new enough one. */
export function nodeForBuilds(appDir: string): string {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 22 ? process.execPath : join(appDir, 'node_modules/node/bin/node');
}

function run(
  command: string,
  args: string[],
  options: { timeoutMs: number },
  stdin: NodeJS.ReadableStream,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    stdin.pipe(child.stdin);
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      output += `\n（超过 ${Math.round(options.timeoutMs / 60_000)} 分钟未完成，已停止）`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => (output += `\n${error.message}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Writes the files of `commit` (not the working tree) into `workDir`: all, or only `paths`. */
export async function exportCommit(
  repoDir: string,
  commit: string,
  workDir: string,
  paths?: readonly string[],
): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const only = paths ? ['--', ...paths.map((path) => `:(literal)${path}`)] : [];
  const archive = spawn('git', ['-C', repoDir, 'archive', '--format=tar', commit, ...only], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let gitError = '';
  archive.stderr.on('data', (chunk: Buffer) => (gitError += chunk.toString()));
  const gitDone = new Promise<number>((resolve) =>
    archive.on('close', (code) => resolve(code ?? 1)),
  );
  const untar = await run('tar', ['-x', '-C', workDir], { timeoutMs: 5 * 60_000 }, archive.stdout);
  const gitCode = await gitDone;
  if (gitCode !== 0 || untar.code !== 0)
    throw new Error(
      `取出提交 ${commit.slice(0, 7)} 的文件失败：${(gitError || untar.output).trim()}`,
    );
}

/**
 * Gives the build folder the project's installed packages: one symlink per package, so the build's
 * own caches (node_modules/.astro) stay in the build folder and builds do not share them.
 */
export function linkNodeModules(appDir: string, workDir: string): void {
  const from = join(appDir, 'node_modules');
  const to = join(workDir, 'node_modules');
  mkdirSync(to, { recursive: true });
  // Links of an earlier build are made again: packages may have been added or removed since.
  for (const name of readdirSync(to))
    if (lstatSync(join(to, name)).isSymbolicLink()) unlinkSync(join(to, name));
  for (const name of readdirSync(from)) {
    if (!OWN_CACHES.has(name)) symlinkSync(join(from, name), join(to, name));
  }
}

/** Present while a build runs in the kept folder: left behind, its caches may be half written. */
const UNFINISHED = '.build-unfinished';
/** The commit whose files the kept folder holds. */
const HOLDS = '.build-commit';
/** Beyond this many changed files the whole commit is written out again. */
const MAX_CHANGED_FILES = 500;

/** Files that differ between two commits, or undefined when git cannot say (e.g. history rewritten). */
async function changedFiles(
  repoDir: string,
  from: string,
  to: string,
): Promise<{ deleted: string[]; written: string[] } | undefined> {
  let listing: string;
  try {
    const args = ['diff', '--name-status', '--no-renames', '-z', from, to];
    listing = (await git(repoDir, args)).stdout.toString('utf8');
  } catch {
    return undefined;
  }
  const fields = listing.split('\0').filter(Boolean);
  const deleted: string[] = [];
  const written: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2)
    (fields[i] === 'D' ? deleted : written).push(fields[i + 1]!);
  return { deleted, written };
}

/**
 * Makes the kept build folder hold exactly the files of `commit`, keeping node_modules (Astro's
 * content store and incremental page cache, the admin bundle) from the last build, so one changed
 * entry rebuilds little. Only the files that changed since the commit the folder holds are written
 * or deleted; a folder whose last build did not finish is started afresh.
 */
export async function prepareKeptWorkDir(
  appDir: string,
  repoDir: string,
  commit: string,
  workDir: string,
): Promise<void> {
  if (existsSync(join(workDir, UNFINISHED))) rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const holds = existsSync(join(workDir, HOLDS))
    ? readFileSync(join(workDir, HOLDS), 'utf8').trim()
    : undefined;
  writeFileSync(join(workDir, UNFINISHED), '');
  // The working folders of earlier builds (build-worker.ts).
  for (const name of readdirSync(workDir))
    if (name.startsWith(WORKER_FOLDER_PREFIX))
      rmSync(join(workDir, name), { recursive: true, force: true });
  const changes = holds ? await changedFiles(repoDir, holds, commit) : undefined;
  if (changes && changes.deleted.length + changes.written.length <= MAX_CHANGED_FILES) {
    for (const path of changes.deleted) rmSync(join(workDir, path), { force: true });
    if (changes.written.length > 0) await exportCommit(repoDir, commit, workDir, changes.written);
  } else {
    for (const name of readdirSync(workDir))
      if (name !== 'node_modules' && name !== UNFINISHED)
        rmSync(join(workDir, name), { recursive: true, force: true });
    await exportCommit(repoDir, commit, workDir);
  }
  writeFileSync(join(workDir, HOLDS), commit);
  linkNodeModules(appDir, workDir);
}

/** The release the kept folder's last build wrote: its pages match the folder's page cache. */
const LAST_OUTPUT = '.build-output';

/**
 * The release folder the kept folder's last build wrote, for the next build to start from
 * (src/integrations/reuse-pages.ts), or undefined. The record is removed as it is read: should this
 * build end without writing a new one (the server stopped mid-way), the next build does not start
 * from pages older than the folder's page cache.
 */
export function takeLastOutput(workDir: string, releasesDir: string): string | undefined {
  const file = join(workDir, LAST_OUTPUT);
  if (!existsSync(file)) return undefined;
  const id = readFileSync(file, 'utf8').trim();
  rmSync(file, { force: true });
  const folder = join(releasesDir, id);
  return isReleaseId(id) && existsSync(folder) ? folder : undefined;
}

/** Records that the kept folder's build just written is release `id`. */
export function recordLastOutput(workDir: string, id: string): void {
  writeFileSync(join(workDir, LAST_OUTPUT), id);
}

/** After a build: a finished one keeps the folder for the next, anything else discards it. */
export function finishKeptWorkDir(workDir: string, ok: boolean): void {
  if (ok) rmSync(join(workDir, UNFINISHED), { force: true });
  else rmSync(workDir, { recursive: true, force: true });
}

export interface BuildOutcome {
  ok: boolean;
  output: string;
}

/**
 * Identifies the project's code in `commit`: every file but the content and the uploaded
 * pictures. A kept build process that loaded other code must not build this commit.
 */
export async function projectCodeKey(repoDir: string, commit: string): Promise<string> {
  let listing: string;
  try {
    listing = (await git(repoDir, ['ls-tree', '-r', commit])).stdout.toString('utf8');
  } catch (error) {
    throw new Error(`读取提交 ${commit.slice(0, 7)} 的文件列表失败：${(error as Error).message}`, {
      cause: error,
    });
  }
  const content = ['content/', `${MEDIA_FOLDER}/`];
  const files = listing
    .split('\n')
    .filter(
      (line) => !content.some((folder) => line.slice(line.indexOf('\t') + 1).startsWith(folder)),
    )
    .join('\n');
  return createHash('sha256').update(files).digest('hex');
}
