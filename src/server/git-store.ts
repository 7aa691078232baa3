import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git, gitText, readBlobs } from './git.ts';

export const ZERO = '0000000000000000000000000000000000000000';

/** A file in a tree. */
export interface TreeFile {
  path: string;
  sha: string;
  mode: string;
}

/** A change to apply to a tree: new bytes, or removal when `content` is null. */
export interface FileChange {
  path: string;
  content: Buffer | null;
}

/** A changed path between two commits, with the blob on each side (undefined: absent). */
export interface PathChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

export interface Person {
  name: string;
  email: string;
}

/**
 * The CMS's git repository through plumbing only: trees are built in a private index file and
 * branches move by compare-and-swap (`update-ref new old`), so a crash leaves every branch at its
 * old or its new commit, never in between, and the working tree is never checked out elsewhere.
 */
export class GitStore {
  private queue: Promise<unknown> = Promise.resolve();

  readonly repo: string;

  constructor(repo: string) {
    this.repo = repo;
  }

  /** Runs `task` after every earlier one: one writer at a time per repository. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async resolve(ref: string): Promise<string | undefined> {
    const { code, stdout } = await git(
      this.repo,
      ['rev-parse', '--verify', '-q', `${ref}^{commit}`],
      {
        okCodes: [1],
      },
    );
    return code === 0 ? stdout.toString('utf8').trim() : undefined;
  }

  /** Files under `folder` (recursive), as of `commit`. */
  async list(commit: string, folder: string): Promise<TreeFile[]> {
    const { stdout } = await git(this.repo, [
      'ls-tree',
      '-r',
      '-z',
      '--full-tree',
      commit,
      '--',
      folder,
    ]);
    return stdout
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t');
        const [mode = '', , sha = ''] = line.slice(0, tab).split(' ');
        return { mode, sha, path: line.slice(tab + 1) };
      })
      .filter((file) => file.mode !== '160000');
  }

  /** The blob id of one path at `commit`, or undefined. */
  async blobAt(commit: string, path: string): Promise<string | undefined> {
    const files = await this.list(commit, path);
    return files.find((file) => file.path === path)?.sha;
  }

  async blobs(shas: string[]): Promise<Map<string, Buffer>> {
    return readBlobs(this.repo, shas);
  }

  async read(commit: string, path: string): Promise<{ sha: string; content: Buffer } | undefined> {
    const sha = await this.blobAt(commit, path);
    if (!sha) return undefined;
    const content = (await this.blobs([sha])).get(sha);
    return content ? { sha, content } : undefined;
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const { code, stdout } = await git(this.repo, ['merge-base', a, b], { okCodes: [1] });
    return code === 0 ? stdout.toString('utf8').trim() : undefined;
  }

  /** Paths that differ between two commits, with their blobs. */
  async diff(from: string, to: string): Promise<PathChange[]> {
    const { stdout } = await git(this.repo, ['diff-tree', '-r', '-z', '--no-renames', from, to]);
    const parts = stdout.toString('utf8').split('\0').filter(Boolean);
    const changes: PathChange[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const [, , before = '', after = ''] = (parts[i] ?? '').slice(1).split(' ');
      changes.push({
        path: parts[i + 1] ?? '',
        before: before === ZERO ? undefined : before,
        after: after === ZERO ? undefined : after,
      });
    }
    return changes;
  }

  /** A new tree: `base`'s tree with `changes` applied (blobs written first). */
  async writeTree(base: string, changes: FileChange[]): Promise<string> {
    const folder = mkdtempSync(join(tmpdir(), 'dzb-index-'));
    const env = { GIT_INDEX_FILE: join(folder, 'index') };
    try {
      await git(this.repo, ['read-tree', base], { env });
      const lines: string[] = [];
      for (const change of changes) {
        if (change.content === null) {
          lines.push(`0 ${ZERO}\t${change.path}`);
        } else {
          const sha = await gitText(this.repo, ['hash-object', '-w', '--stdin'], {
            input: change.content,
          });
          lines.push(`100644 ${sha}\t${change.path}`);
        }
      }
      if (lines.length > 0) {
        await git(this.repo, ['update-index', '-z', '--index-info'], {
          env,
          input: `${lines.join('\0')}\0`,
        });
      }
      return await gitText(this.repo, ['write-tree'], { env });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  async treeOf(commit: string): Promise<string> {
    return gitText(this.repo, ['rev-parse', `${commit}^{tree}`]);
  }

  async commit(
    tree: string,
    parents: string[],
    message: string,
    author: Person,
    committer = author,
  ) {
    return gitText(
      this.repo,
      ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'],
      {
        input: message,
        env: {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_COMMITTER_NAME: committer.name,
          GIT_COMMITTER_EMAIL: committer.email,
        },
      },
    );
  }

  /** Moves `ref` from `expected` (undefined: must not exist) to `next`; false when it moved meanwhile. */
  async swapRef(ref: string, next: string, expected: string | undefined): Promise<boolean> {
    const { code } = await git(this.repo, ['update-ref', ref, next, expected ?? ZERO], {
      okCodes: [1, 128],
    });
    return code === 0;
  }

  async deleteRef(ref: string, expected: string): Promise<boolean> {
    const { code } = await git(this.repo, ['update-ref', '-d', ref, expected], {
      okCodes: [1, 128],
    });
    return code === 0;
  }

  async refs(prefix: string): Promise<{ ref: string; sha: string }[]> {
    const text = await gitText(this.repo, [
      'for-each-ref',
      '--format=%(objectname) %(refname)',
      prefix,
    ]);
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [sha = '', ref = ''] = line.split(' ');
        return { sha, ref };
      });
  }

  async getConfig(key: string): Promise<string | undefined> {
    const { code, stdout } = await git(this.repo, ['config', '--get', key], { okCodes: [1] });
    return code === 0 ? stdout.toString('utf8').trim() : undefined;
  }

  async setConfig(key: string, value: string): Promise<void> {
    await git(this.repo, ['config', key, value]);
  }

  async unsetConfig(key: string): Promise<void> {
    await git(this.repo, ['config', '--unset', key], { okCodes: [5] });
  }

  /** Commit metadata: author name and ISO date. */
  async commitInfo(commit: string): Promise<{ author: string; email: string; date: string }> {
    const text = await gitText(this.repo, ['show', '-s', '--format=%an%x00%ae%x00%aI', commit]);
    const [author = '', email = '', date = ''] = text.split('\0');
    return { author, email, date };
  }

  /** The name of whoever made the first commit in `from..to`: who started a draft. */
  async firstAuthor(from: string, to: string): Promise<string | undefined> {
    const text = await gitText(this.repo, ['log', '--reverse', '--format=%an', `${from}..${to}`]);
    return text.split('\n')[0] || undefined;
  }

  /** The author e-mails of the commits in `from..to`. */
  async authorsBetween(from: string, to: string): Promise<string[]> {
    const text = await gitText(this.repo, ['log', '--format=%ae', `${from}..${to}`]);
    return [...new Set(text.split('\n').filter(Boolean))];
  }

  /** Writes the files under `folders` as of `commit` into `target` (checks on a would-be tree). */
  async exportTree(commit: string, folders: string[], target: string): Promise<void> {
    const files = (await Promise.all(folders.map((folder) => this.list(commit, folder)))).flat();
    const folder = mkdtempSync(join(tmpdir(), 'dzb-index-'));
    const env = { GIT_INDEX_FILE: join(folder, 'index') };
    try {
      await git(this.repo, ['read-tree', commit], { env });
      await git(this.repo, ['checkout-index', '-f', '-z', '--stdin', `--prefix=${target}/`], {
        env,
        input: files.map((file) => `${file.path}\0`).join(''),
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  /** The branch HEAD points at when the repository has a working tree, else undefined. */
  async checkedOutBranch(): Promise<string | undefined> {
    const bare = await gitText(this.repo, ['rev-parse', '--is-bare-repository']);
    if (bare === 'true') return undefined;
    const { code, stdout } = await git(this.repo, ['symbolic-ref', '-q', 'HEAD'], { okCodes: [1] });
    return code === 0 ? stdout.toString('utf8').trim() : undefined;
  }

  /**
   * Brings the working tree and index up to the branch for `paths` after the branch moved, one
   * file at a time through a temporary file and a rename. A file someone changed by hand is left
   * alone. Safe to run again after a crash.
   */
  async syncWorktree(branchRef: string, paths: string[]): Promise<string[]> {
    if ((await this.checkedOutBranch()) !== branchRef || paths.length === 0) return [];
    const head = await this.resolve(branchRef);
    if (!head) return [];
    const root = await gitText(this.repo, ['rev-parse', '--show-toplevel']);
    const skipped: string[] = [];
    const updated: string[] = [];
    for (const path of paths) {
      const target = await this.blobAt(head, path);
      const indexed = (await gitText(this.repo, ['ls-files', '-s', '--', path])).split(/\s+/)[1];
      const onDisk = await gitText(this.repo, ['hash-object', '--', path], {
        okCodes: [128],
      }).catch(() => '');
      const present = onDisk !== '';
      if (present ? onDisk === target : target === undefined) {
        updated.push(path);
        continue;
      }
      if (present && onDisk !== indexed) {
        skipped.push(path);
        continue;
      }
      const file = join(root, path);
      if (target === undefined) {
        await rm(file, { force: true });
      } else {
        const content = (await this.blobs([target])).get(target) ?? Buffer.alloc(0);
        await mkdir(dirname(file), { recursive: true });
        const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(temporary, content);
        await rename(temporary, file);
      }
      updated.push(path);
    }
    if (updated.length > 0) {
      await git(this.repo, ['update-index', '--add', '--remove', '-q', '--', ...updated]);
    }
    return skipped;
  }
}
