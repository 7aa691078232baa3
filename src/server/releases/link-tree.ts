import { link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Makes `to` hold the files of `from` as hard links (no data is copied), leaving out the top-level
 * folders in `skip`. Release files are never changed after they are written, so sharing is safe.
 */
export async function linkTree(
  from: string,
  to: string,
  skip: readonly string[] = [],
): Promise<number> {
  let files = 0;
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) files += await linkTree(source, target);
    else if (entry.isFile()) {
      await link(source, target);
      files += 1;
    }
  }
  return files;
}
