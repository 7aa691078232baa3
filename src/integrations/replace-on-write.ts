import fs from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * While a folder is guarded, a file written into it with `fs.promises.writeFile` or
 * `fs.writeFileSync` gets a new inode: the old name is unlinked first, so a hard link to the same
 * file elsewhere (a live release) keeps its content. Astro writes every page it renders that
 * way. The wrappers sit on the shared `fs` object once per process, with their state on
 * globalThis: the publishing server's build process loads the config, and this module with it,
 * again for every build. `guardFolder(undefined)` ends the guard; the wrappers then pass calls on.
 */
const STATE = Symbol.for('dangzhibu.replace-on-write');

interface GuardState {
  folder: string | undefined;
}

type PathLike = Parameters<typeof fs.writeFileSync>[0];

/** The guard of this process; undefined until a folder is first guarded. */
const existing = () => (globalThis as Record<symbol, GuardState | undefined>)[STATE];

function state(): GuardState {
  let current = existing();
  if (!current) {
    current = { folder: undefined };
    (globalThis as Record<symbol, GuardState>)[STATE] = current;
    wrap(current);
  }
  return current;
}

function guardedPath(target: PathLike | fs.promises.FileHandle, guard: GuardState) {
  if (!guard.folder || typeof target === 'number') return undefined;
  let path: string;
  if (typeof target === 'string') path = target;
  else if (target instanceof URL) path = fileURLToPath(target);
  else if (Buffer.isBuffer(target)) path = target.toString();
  else return undefined;
  const full = resolve(path);
  return full.startsWith(guard.folder + sep) ? full : undefined;
}

function wrap(guard: GuardState): void {
  const writeFile = fs.promises.writeFile;
  fs.promises.writeFile = async (...args: Parameters<typeof writeFile>) => {
    const path = guardedPath(args[0], guard);
    if (path) await fs.promises.rm(path, { force: true });
    return writeFile(...args);
  };
  const writeFileSync = fs.writeFileSync;
  fs.writeFileSync = (...args: Parameters<typeof writeFileSync>) => {
    const path = guardedPath(args[0], guard);
    if (path) fs.rmSync(path, { force: true });
    writeFileSync(...args);
  };
}

/** Guards `folder` in this process from now on, or ends the guard (undefined). */
export function guardFolder(folder: string | undefined): void {
  if (folder !== undefined) state().folder = resolve(folder);
  else {
    const current = existing();
    if (current) current.folder = undefined;
  }
}
