import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { MEDIA_FOLDER } from '../../cms/names.ts';
import { runCommand } from '../../deploy/run-command.ts';

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

/** Writes the files of `commit` (not the working tree) into `workDir`. */
export async function exportCommit(
  repoDir: string,
  commit: string,
  workDir: string,
): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const archive = spawn('git', ['-C', repoDir, 'archive', '--format=tar', commit], {
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

/**
 * Makes the kept build folder hold exactly the files of `commit`, keeping node_modules (Astro's
 * content store and incremental page cache, the admin bundle) from the last build, so one changed
 * entry rebuilds little. A folder whose last build did not finish is started afresh.
 */
export async function prepareKeptWorkDir(
  appDir: string,
  repoDir: string,
  commit: string,
  workDir: string,
): Promise<void> {
  if (existsSync(join(workDir, UNFINISHED))) rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, UNFINISHED), '');
  for (const name of readdirSync(workDir))
    if (name !== 'node_modules' && name !== UNFINISHED)
      rmSync(join(workDir, name), { recursive: true, force: true });
  await exportCommit(repoDir, commit, workDir);
  linkNodeModules(appDir, workDir);
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
  const { code, output } = await runCommand('git', ['-C', repoDir, 'ls-tree', '-r', commit]);
  if (code !== 0)
    throw new Error(`读取提交 ${commit.slice(0, 7)} 的文件列表失败：${output.trim()}`);
  const content = ['content/', `${MEDIA_FOLDER}/`];
  const files = output
    .split('\n')
    .filter(
      (line) => !content.some((folder) => line.slice(line.indexOf('\t') + 1).startsWith(folder)),
    )
    .join('\n');
  return createHash('sha256').update(files).digest('hex');
}
