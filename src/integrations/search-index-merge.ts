import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decode, encode } from 'cborg';
import { UnexpectedIndexFormat } from '../lib/pagefind-index/cbor-cursor.ts';
import {
  ContentNames,
  packIndexFile,
  packIndexFileAsync,
  unpackIndexFile,
  unpackIndexFileAsync,
} from '../lib/pagefind-index/bundle-files.ts';
import { chunkBounds, mergeWords, type WordSource } from '../lib/pagefind-index/merge-words.ts';
import { mergeSorts, type SortSource } from '../lib/pagefind-index/merge-sorts.ts';

/**
 * Several Pagefind indexes of disjoint pages (one per volume, see search-index-volumes.ts) made
 * into the one index Pagefind would have written from all the pages at once: the same pages,
 * words, positions, filters, sort orders and metadata fields, so the browser finds and ranks
 * exactly as before. Pages are numbered volume after volume. Anything in the files that is not
 * what this expects throws UnexpectedIndexFormat, and the caller indexes the whole site instead.
 */

type MetaPage = [hash: string, wordCount: number, extra: unknown];
type Meta = [
  version: string,
  pages: MetaPage[],
  chunks: [from: string, to: string, hash: string][],
  filters: [filter: string, hash: string][],
  sorts: [sort: string, pages: number[]][],
  fields: string[],
];
type Filter = [filter: string, values: [value: string, pages: number[]][]];

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: unknown; page_count: number }>;
  [key: string]: unknown;
}

interface Volume {
  dir: string;
  entry: Entry;
  language: string;
  meta: Meta;
}

const isStringArray = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function readMeta(dir: string, hash: string): Meta {
  const meta = decode(
    unpackIndexFile(readFileSync(join(dir, `pagefind.${hash}.pf_meta`)), hash),
  ) as unknown;
  const ok =
    Array.isArray(meta) &&
    meta.length === 6 &&
    typeof meta[0] === 'string' &&
    (meta[1] as unknown[]).every(
      (page) =>
        Array.isArray(page) &&
        page.length === 3 &&
        typeof page[0] === 'string' &&
        typeof page[1] === 'number',
    ) &&
    Array.isArray(meta[2]) &&
    Array.isArray(meta[3]) &&
    Array.isArray(meta[4]) &&
    isStringArray(meta[5]);
  if (!ok) throw new UnexpectedIndexFormat(`不认识 ${dir} 里索引元数据的结构`);
  return meta as Meta;
}

function readVolume(dir: string): Volume | undefined {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry;
  const languages = Object.keys(entry.languages ?? {});
  if (languages.length === 0) return undefined;
  if (languages.length > 1)
    throw new UnexpectedIndexFormat(`${dir} 里有多种语言：${languages.join('、')}`);
  const language = languages[0] as string;
  const meta = readMeta(dir, (entry.languages[language] as { hash: string }).hash);
  return { dir, entry, language, meta };
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** A volume's word chunks, unzipped side by side on libuv's threads. */
function chunkPayloads(volume: Volume): Promise<Buffer[]> {
  return Promise.all(
    volume.meta[2].map(([, , hash]) =>
      unpackIndexFileAsync(readFileSync(join(volume.dir, 'index', `${hash}.pf_index`)), hash),
    ),
  );
}

/**
 * Writes into the empty folder `outputPath` the merge of the Pagefind bundles in `volumeDirs`.
 * `sortValues` gives each page's sort values by URL (Pagefind's index keeps only their order).
 */
export async function mergeSearchIndexes(
  volumeDirs: readonly string[],
  outputPath: string,
  sortValues: ReadonlyMap<string, Readonly<Record<string, string>>>,
): Promise<void> {
  const volumes = volumeDirs.flatMap((dir) => readVolume(dir) ?? []);
  const template = (volumes[0]?.dir ?? volumeDirs[0]) as string;
  mkdirSync(outputPath, { recursive: true });
  // The browser code and its WebAssembly are the same in every volume.
  for (const name of readdirSync(template)) {
    if (name === 'pagefind-entry.json' || name.endsWith('.pf_meta')) continue;
    if (statSync(join(template, name)).isFile())
      copyFileSync(join(template, name), join(outputPath, name));
  }
  if (volumes.length === 0) {
    copyFileSync(join(template, 'pagefind-entry.json'), join(outputPath, 'pagefind-entry.json'));
    return;
  }
  const first = volumes[0] as Volume;
  const { language } = first;
  for (const volume of volumes)
    if (
      volume.language !== language ||
      volume.meta[0] !== first.meta[0] ||
      volume.entry.version !== first.entry.version
    )
      throw new UnexpectedIndexFormat('各分卷的语言或 Pagefind 版本不同');
  for (const folder of ['fragment', 'index', 'filter'])
    mkdirSync(join(outputPath, folder), { recursive: true });

  const fields = [...new Set(volumes.flatMap((volume) => volume.meta[5]))].sort(byteOrder);
  let offset = 0;
  const placed = volumes.map((volume) => {
    const own = volume.meta[5];
    const fieldMap = own.map((field) => fields.indexOf(field));
    const same = own.length === fields.length && fieldMap.every((merged, i) => merged === i);
    const at = { volume, pageOffset: offset, fieldMap: same ? undefined : fieldMap };
    offset += volume.meta[1].length;
    return at;
  });

  // Fragments: one file per page, named by content; a name two volumes share is made longer.
  const fragmentNames = new ContentNames(language);
  const pages: MetaPage[] = [];
  const urls: string[] = [];
  const fragments = await Promise.all(
    placed.flatMap(({ volume }) =>
      volume.meta[1].map(async ([hash]) => {
        const file = readFileSync(join(volume.dir, 'fragment', `${hash}.pf_fragment`));
        return { file, data: await unpackIndexFileAsync(file, hash) };
      }),
    ),
  );
  for (const { volume } of placed)
    for (const [hash, wordCount, extra] of volume.meta[1]) {
      const { file, data } = fragments[pages.length] as { file: Buffer; data: Buffer };
      const name = fragmentNames.claim(hash) ? hash : fragmentNames.name(data);
      writeFileSync(join(outputPath, 'fragment', `${name}.pf_fragment`), file);
      urls.push((JSON.parse(data.toString('utf8')) as { url: string }).url);
      pages.push([name, wordCount, extra]);
    }

  // Filters: each value's pages, renumbered.
  const filterValues = new Map<string, Map<string, number[]>>();
  for (const { volume, pageOffset } of placed)
    for (const [, hash] of volume.meta[3]) {
      const [filter, values] = decode(
        unpackIndexFile(readFileSync(join(volume.dir, 'filter', `${hash}.pf_filter`)), hash),
      ) as Filter;
      const merged = filterValues.get(filter) ?? new Map<string, number[]>();
      filterValues.set(filter, merged);
      for (const [value, valuePages] of values)
        merged.set(value, [
          ...(merged.get(value) ?? []),
          ...valuePages.map((page) => page + pageOffset),
        ]);
    }
  const filterNames = new ContentNames(language);
  const filters: [string, string][] = [...filterValues.keys()].sort(byteOrder).map((filter) => {
    const values = filterValues.get(filter) as Map<string, number[]>;
    const payload = encode([
      filter,
      [...values.keys()].sort(byteOrder).map((value) => [value, values.get(value)]),
    ]);
    const name = filterNames.name(payload);
    writeFileSync(join(outputPath, 'filter', `${name}.pf_filter`), packIndexFile(payload));
    return [filter, name];
  });

  const sortSources: SortSource[] = placed.map(({ volume, pageOffset }) => ({
    pageOffset,
    pageCount: volume.meta[1].length,
    sorts: volume.meta[4],
  }));
  const sorts = mergeSorts(sortSources, (page) => sortValues.get(urls[page] as string));

  const chunkNames = new ContentNames(language);
  const writing: Promise<void>[] = [];
  const chunks: { from: string; to: string; hash: string }[] = [];
  const payloads = await Promise.all(placed.map(({ volume }) => chunkPayloads(volume)));
  const wordSources: WordSource[] = placed.map(({ pageOffset, fieldMap }, i) => ({
    chunks: payloads[i] as Buffer[],
    pageOffset,
    fieldMap,
  }));
  mergeWords(wordSources, ({ from, to, payload }) => {
    const hash = chunkNames.name(payload);
    // Compressing is most of the merge's time: it runs on other threads while words merge on.
    writing.push(
      packIndexFileAsync(payload).then((packed) =>
        writeFile(join(outputPath, 'index', `${hash}.pf_index`), packed),
      ),
    );
    chunks.push({ from, to, hash });
  });
  await Promise.all(writing);
  const bounds = chunkBounds(chunks);

  const meta: Meta = [
    first.meta[0],
    pages,
    chunks.map(({ hash }, i) => [bounds[i]?.from ?? '', bounds[i]?.to ?? '', hash]),
    filters,
    sorts,
    fields,
  ];
  const metaPayload = encode(meta);
  const metaHash = new ContentNames(language, language.length + 8).name(metaPayload);
  writeFileSync(join(outputPath, `pagefind.${metaHash}.pf_meta`), packIndexFile(metaPayload));
  const entry: Entry = {
    ...first.entry,
    languages: {
      [language]: {
        ...(first.entry.languages[language] as Entry['languages'][string]),
        hash: metaHash,
        page_count: pages.length,
      },
    },
  };
  writeFileSync(join(outputPath, 'pagefind-entry.json'), JSON.stringify(entry));
}
