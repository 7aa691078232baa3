import { spawn } from 'node:child_process';

export interface GitOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (e.g. 1 from `merge-base --is-ancestor`). */
  okCodes?: number[];
}

export interface GitResult {
  code: number;
  stdout: Buffer;
}

/** The environment every git call gets: no prompts, no pager, no user config surprises. */
const BASE_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  LC_ALL: 'C',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Runs git in `repo`; rejects with git's own error text on an unexpected exit code. */
export function git(repo: string, args: string[], options: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: repo,
      env: { ...process.env, ...BASE_ENV, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const exit = code ?? 1;
      if (exit === 0 || options.okCodes?.includes(exit)) {
        resolve({ code: exit, stdout: Buffer.concat(out) });
      } else {
        reject(
          new Error(
            `git ${args[0]} 失败（${exit}）：${Buffer.concat(err).toString('utf8').trim()}`,
          ),
        );
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** stdout as trimmed text. */
export async function gitText(repo: string, args: string[], options?: GitOptions): Promise<string> {
  return (await git(repo, args, options)).stdout.toString('utf8').trim();
}

/** Reads many blobs in one `cat-file --batch`. */
export async function readBlobs(repo: string, shas: string[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const unique = [...new Set(shas)];
  if (unique.length === 0) return found;
  const { stdout } = await git(repo, ['cat-file', '--batch'], { input: `${unique.join('\n')}\n` });
  let offset = 0;
  for (const sha of unique) {
    const end = stdout.indexOf(10, offset);
    const header = stdout.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const [, type, size] = header.split(' ');
    if (type === undefined || size === undefined) continue;
    const length = Number(size);
    found.set(sha, stdout.subarray(offset, offset + length));
    offset += length + 1;
  }
  return found;
}
