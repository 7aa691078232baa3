import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * The search index of an earlier build, kept by what it was made from: every page Pagefind reads
 * (its whole HTML, so titles, filters and the language count too), the contact records, the
 * indexing options and the Pagefind version. A build whose indexed pages are all unchanged copies
 * it instead of running Pagefind again; the files are the same ones Pagefind would write.
 */

const MARKER = 'complete';
/** Enough for a build to go back one step; the cache never grows past this. */
const KEEP = 2;

function pagefindVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve('pagefind');
    const pkg = join(dirname(main), '..', 'package.json');
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** `folder/<id>/index.html` for every entry folder, sorted: the files the index glob selects. */
export function entryPageFiles(siteDir: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  for (const folder of folders) {
    let ids: string[];
    try {
      ids = readdirSync(join(siteDir, folder));
    } catch {
      continue;
    }
    for (const id of ids) {
      const file = `${folder}/${id}/index.html`;
      if (existsSync(join(siteDir, file))) files.push(file);
    }
  }
  return files.sort();
}

/**
 * A digest of everything an index is made from: its pages (by the digest of each file's whole
 * HTML, so titles, filters and the language count too), records, options and Pagefind's version.
 */
export function searchIndexKey(input: {
  files: readonly string[];
  digests: ReadonlyMap<string, string>;
  records: unknown;
  options: unknown;
}): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ pagefind: pagefindVersion(), options: input.options }));
  hash.update('\0');
  hash.update(JSON.stringify(input.records));
  for (const file of input.files) hash.update(`\0${file}\0${input.digests.get(file) ?? ''}`);
  return hash.digest('hex').slice(0, 32);
}

/** Copies the index made from the same input into `outputPath`; false when there is none. */
export function restoreSearchIndex(cacheDir: string, key: string, outputPath: string): boolean {
  const kept = join(cacheDir, key);
  if (!existsSync(join(kept, MARKER))) return false;
  try {
    rmSync(outputPath, { recursive: true, force: true });
    cpSync(join(kept, 'index'), outputPath, { recursive: true });
    return true;
  } catch {
    // Another build replaced or pruned it meanwhile: index afresh.
    rmSync(outputPath, { recursive: true, force: true });
    return false;
  }
}

/** Keeps a copy of the freshly written index under its key, dropping all but the newest few. */
export function storeSearchIndex(cacheDir: string, key: string, outputPath: string): void {
  try {
    keep(cacheDir, key, outputPath);
  } catch {
    // Builds sharing a cache folder may store the same index at once; a cache that is not
    // written only costs the next build the indexing.
  }
}

function keep(cacheDir: string, key: string, outputPath: string): void {
  const kept = join(cacheDir, key);
  const partial = `${kept}.${process.pid}.partial`;
  try {
    mkdirSync(partial, { recursive: true });
    cpSync(outputPath, join(partial, 'index'), { recursive: true });
    // Written last, so an interrupted copy is never taken for a whole index.
    writeFileSync(join(partial, MARKER), `${new Date().toISOString()}\n`);
    rmSync(kept, { recursive: true, force: true });
    renameSync(partial, kept);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  const others = readdirSync(cacheDir)
    .filter(
      (name) =>
        name !== key && !name.endsWith('.partial') && existsSync(join(cacheDir, name, MARKER)),
    )
    .map((name) => ({ name, time: readFileSync(join(cacheDir, name, MARKER), 'utf8') }))
    .sort((a, b) => b.time.localeCompare(a.time));
  for (const { name } of others.slice(KEEP - 1))
    rmSync(join(cacheDir, name), { recursive: true, force: true });
}
