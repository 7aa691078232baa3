import { existsSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The folder the web server serves: a symlink to one release folder. */
export function livePath(dataDir: string): string {
  return join(dataDir, 'current');
}

/**
 * Points the live site at `releases/<id>` in one step: a new symlink is made beside the old one
 * and renamed over it (rename is atomic), so a request sees either the old release or the new one.
 */
export function switchLive(dataDir: string, id: string): void {
  const next = join(dataDir, `current.${process.pid}.tmp`);
  rmSync(next, { force: true });
  symlinkSync(join('releases', id), next, 'dir');
  renameSync(next, livePath(dataDir));
}

/** The release now live, or undefined when there is none or its folder is gone. */
export function liveReleaseId(dataDir: string): string | undefined {
  try {
    const target = readlinkSync(livePath(dataDir));
    const id = basename(target);
    return existsSync(join(dataDir, 'releases', id, 'index.html')) ? id : undefined;
  } catch {
    return undefined;
  }
}
