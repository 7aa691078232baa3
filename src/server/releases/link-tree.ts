import { link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listFiles } from '../../deploy/list-files.ts';

/**
 * Makes `to` hold the files of `from` as hard links (no data is copied), leaving out the top-level
 * folders in `skip`. Release files are never changed after they are written, so sharing is safe.
 */
export async function linkTree(
  from: string,
  to: string,
  skip: readonly string[] = [],
): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const file of listFiles(from)) {
    if (skip.includes(file.split('/')[0]!)) continue;
    const target = join(to, file);
    await mkdir(dirname(target), { recursive: true });
    await link(join(from, file), target);
  }
}
