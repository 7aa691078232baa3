import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { ContactSearchRecord } from '../lib/search-contact-record.ts';
import { sortValuesFromHtml } from '../lib/pagefind-index/sort-attributes.ts';
import { UnexpectedIndexFormat } from '../lib/pagefind-index/cbor-cursor.ts';
import { searchIndexKey } from './search-index-cache.ts';

/**
 * The search index is built in volumes of consecutive years of entries (their folder names start
 * with the date or the 期号) and one for the contact cards: Pagefind's memory grows with the
 * pages it holds at once (about 0.7 MB a page), and a changed entry re-indexes only its volume.
 * search-index-merge.ts then writes the one index the browser reads.
 */

export interface SearchVolume {
  /** The years it holds (`2025`, `2001–2016`), `其他` or `联系卡`: in logs and in its cache key. */
  name: string;
  /** Entry pages, relative to the site folder, in the order they are numbered. */
  files: string[];
  records: ContactSearchRecord[];
}

/**
 * A year with this many pages is a volume of its own; quieter years join the years after them
 * until a volume has this many. Each volume costs Pagefind a start of its own, and a few hundred
 * pages keep its memory small.
 */
export const VOLUME_PAGES = 150;

/** `reports/2025-03-15-x/index.html` → `2025`; undefined for an entry without a year. */
export function entryYear(file: string): string | undefined {
  return /^\d{4}/.exec(file.split('/')[1] ?? '')?.[0];
}

/** Pages by volume, volumes and their pages in a fixed order; contact cards last. */
export function searchVolumes(
  files: readonly string[],
  records: readonly ContactSearchRecord[],
  volumePages = VOLUME_PAGES,
): SearchVolume[] {
  const byYear = new Map<string, string[]>();
  const undated: string[] = [];
  for (const file of [...files].sort()) {
    const year = entryYear(file);
    if (!year) undated.push(file);
    else if (byYear.has(year)) byYear.get(year)?.push(file);
    else byYear.set(year, [file]);
  }
  const volumes: SearchVolume[] = [];
  let years: string[] = [];
  let pages: string[] = [];
  const close = () => {
    if (pages.length === 0) return;
    const name = years.length === 1 ? (years[0] as string) : `${years[0]}–${years.at(-1)}`;
    volumes.push({ name, files: pages, records: [] });
    years = [];
    pages = [];
  };
  for (const year of [...byYear.keys()].sort()) {
    years.push(year);
    pages = [...pages, ...(byYear.get(year) as string[])];
    if (pages.length >= volumePages) close();
  }
  close();
  if (undated.length > 0) volumes.push({ name: '其他', files: undated, records: [] });
  if (records.length > 0) volumes.push({ name: '联系卡', files: [], records: [...records] });
  return volumes;
}

/** The address Pagefind gives a page file: `reports/x/index.html` → `/reports/x/`. */
export function pageUrl(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** What the index needs to know of an entry page, from one reading of it. */
export interface PageFacts {
  file: string;
  /** Pagefind reads only pages with a `data-pagefind-body` element once any page has one. */
  marked: boolean;
  /** Its sort values, or why they could not be read. */
  sort: Record<string, string> | UnexpectedIndexFormat;
  /** Of the whole file. */
  digest: string;
}

export function readPageFacts(siteDir: string, file: string): PageFacts {
  const html = readFileSync(join(siteDir, file));
  const text = html.toString('utf8');
  let sort: PageFacts['sort'];
  try {
    sort = sortValuesFromHtml(text);
  } catch (error) {
    if (!(error instanceof UnexpectedIndexFormat)) throw error;
    sort = error;
  }
  return {
    file,
    marked: text.includes('data-pagefind-body'),
    sort,
    digest: createHash('sha256').update(html).digest('hex'),
  };
}

/** Every page's sort values by address, from the pages and the records. */
export function volumeSortValues(
  pages: readonly PageFacts[],
  volumes: readonly SearchVolume[],
): Map<string, Record<string, string>> {
  const values = new Map<string, Record<string, string>>();
  for (const page of pages) {
    if (page.sort instanceof UnexpectedIndexFormat) throw page.sort;
    values.set(pageUrl(page.file), page.sort);
  }
  for (const volume of volumes)
    for (const record of volume.records) values.set(record.url, record.sort);
  return values;
}

/** A digest of everything a volume's index is made from. */
export function volumeKey(
  volume: SearchVolume,
  digests: ReadonlyMap<string, string>,
  options: IndexOptions,
): string {
  return searchIndexKey({
    files: volume.files,
    digests,
    records: volume.records,
    options: { ...options, volume: volume.name },
  });
}

/** The volumes' indexes are kept for the builds after this one and the one before. */
const RECENT = 'recent.json';

/** A volume made or used this recently may belong to a build running beside this one. */
const IN_USE_MS = 15 * 60 * 1000;

/**
 * Keeps the volumes of this build and the previous one in `folder`, and any used in the last
 * minutes; deletes the rest.
 */
export function pruneVolumes(folder: string, used: readonly string[]): void {
  try {
    let previous: string[] = [];
    try {
      previous = (JSON.parse(readFileSync(join(folder, RECENT), 'utf8')) as string[][])[0] ?? [];
    } catch {
      // first build with this cache
    }
    const keep = new Set([...used, ...previous]);
    writeFileSync(join(folder, RECENT), JSON.stringify([used, previous]));
    const recently = Date.now() - IN_USE_MS;
    for (const name of readdirSync(folder))
      if (
        name !== RECENT &&
        !keep.has(name) &&
        !name.includes('.partial') &&
        statSync(join(folder, name)).mtimeMs < recently
      )
        rmSync(join(folder, name), { recursive: true, force: true });
  } catch {
    // Another build is pruning too: what is left is cleaned by the next build.
  }
}

export interface IndexOptions {
  excludeSelectors: string[];
}

/** Pages sent to Pagefind before its answer to the first of them has come back. */
const PAGES_IN_FLIGHT = 8;

/**
 * Indexes one volume with Pagefind into `outputPath`, pages in the volume's order. Pagefind's
 * messages are returned for the caller to report; the index is dropped from Pagefind's memory.
 */
export async function indexVolume(
  siteDir: string,
  volume: SearchVolume,
  outputPath: string,
  options: IndexOptions,
): Promise<{ errors: string[]; pages: number }> {
  const created = await pagefind.createIndex(options);
  if (!created.index) return { errors: ['无法启动 Pagefind', ...created.errors], pages: 0 };
  const { index } = created;
  // Pagefind answers in the order it is asked: the next pages are on their way while it indexes
  // one, and the pages are still numbered in the volume's order.
  const inFlight: Promise<{ file: string; errors: string[] }>[] = [];
  try {
    let pages = 0;
    for (let next = 0; next < volume.files.length || inFlight.length > 0;) {
      if (next < volume.files.length && inFlight.length < PAGES_IN_FLIGHT) {
        const file = volume.files[next++]!;
        const content = readFileSync(join(siteDir, file), 'utf8');
        inFlight.push(
          index
            .addHTMLFile({ url: pageUrl(file), content })
            .then(({ errors }) => ({ file, errors })),
        );
        continue;
      }
      const { file, errors } = await inFlight.shift()!;
      if (errors.length > 0) return { errors: [`${file}：`, ...errors], pages };
      pages += 1;
    }
    for (const record of volume.records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0)
        return { errors: [`联系卡 ${record.url}：`, ...added.errors], pages };
    }
    const written = await index.writeFiles({ outputPath });
    return { errors: written.errors, pages };
  } finally {
    await Promise.allSettled(inFlight);
    await index.deleteIndex();
  }
}

/**
 * The index of `volume` in `folder/<key>`, made now unless a build kept it. Written beside it
 * first and renamed, so a folder under its key is always complete.
 */
export async function keptVolume(
  siteDir: string,
  volume: SearchVolume,
  key: string,
  folder: string,
  options: IndexOptions,
): Promise<{ dir: string; reused: boolean; errors: string[] }> {
  const dir = join(folder, key);
  if (existsSync(join(dir, 'pagefind-entry.json'))) {
    // Marks it in use for pruneVolumes in builds running beside this one.
    const now = new Date();
    utimesSync(dir, now, now);
    return { dir, reused: true, errors: [] };
  }
  const partial = `${dir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  try {
    const { errors } = await indexVolume(siteDir, volume, partial, options);
    if (errors.length > 0) return { dir, reused: false, errors };
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    return { dir, reused: false, errors: [] };
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
