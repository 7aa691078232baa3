import { existsSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { releaseOfFolder } from './release-id.ts';

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

/** The folder under releases/ now live, or undefined when there is none or it is gone. */
export function liveFolder(dataDir: string): string | undefined {
  try {
    const folder = basename(readlinkSync(livePath(dataDir)));
    return existsSync(join(dataDir, 'releases', folder, 'index.html')) ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** The release now live (also while only its pages are), or undefined when there is none. */
export function liveReleaseId(dataDir: string): string | undefined {
  const folder = liveFolder(dataDir);
  return folder && releaseOfFolder(folder);
}
