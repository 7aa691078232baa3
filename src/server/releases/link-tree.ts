import { linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles } from '../../deploy/list-files.ts';

/**
 * Makes `to` hold `files` (paths relative to `from`, all present there) as hard links: no data is
 * copied. Synchronous on purpose: it runs while the build and Pagefind keep both cores busy, when
 * each callback of an asynchronous call would wait its turn: 7 500 files took 3.4 s that way,
 * 0.6 s so.
 */
export function linkFiles(from: string, to: string, files: readonly string[]): void {
  mkdirSync(to, { recursive: true });
  const made = new Set([to]);
  for (const file of files) {
    const target = join(to, file);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    linkSync(join(from, file), target);
  }
}

/**
 * Makes `to` hold the files of `from` as hard links, leaving out the top-level folders in `skip`.
 * Release files are never changed after they are written, so sharing is safe.
 */
export function linkTree(from: string, to: string, skip: readonly string[] = []): void {
  const files = listFiles(from).filter((file) => !skip.includes(file.split('/')[0]!));
  linkFiles(from, to, files);
}
