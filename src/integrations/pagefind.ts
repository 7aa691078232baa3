import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { ValidEntry } from '../checks/collection-rules.ts';
import { collectGarbage } from './collect-garbage.ts';
import { fixableError } from './fixable-error.ts';
import { announcePagesWritten } from './pages-written.ts';
import {
  entryPageFiles,
  restoreSearchIndex,
  searchIndexKey,
  storeSearchIndex,
} from './search-index-cache.ts';
import { mergeSearchIndexes } from './search-index-merge.ts';
import {
  keptVolume,
  pruneVolumes,
  readPageFacts,
  searchVolumes,
  type PageFacts,
  volumeKey,
  volumeSortValues,
} from './search-index-volumes.ts';
import { UnexpectedIndexFormat } from '../lib/pagefind-index/cbor-cursor.ts';
import { ENTRY_SECTIONS, pagefindFolder } from '../lib/routes.ts';
import { contactSearchRecord, type ContactSearchRecord } from '../lib/search-contact-record.ts';
import type { Contact } from '../schemas/contacts.ts';

/** Pagefind's ready-made interfaces: the site has its own search page, so they are not published. */
const UNUSED_BUNDLES = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export interface SearchIndexResult {
  pages: number;
  contacts: number;
  files: number;
  bytes: number;
  seconds: number;
  /** True when the index of an earlier build was made from the same pages and was copied. */
  reused: boolean;
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) {
      files += 1;
      bytes += stat.size;
    }
  }
  return { files, bytes };
}

/** One search record per cadre, from the contacts the content checks validated before the build. */
export function contactRecords(
  contacts: readonly ValidEntry[] | undefined = [],
): ContactSearchRecord[] {
  return (contacts as readonly ValidEntry<Contact>[]).map(({ entry, data }) =>
    contactSearchRecord(entry.id, data, entry.body),
  );
}

/**
 * Only entry pages carry text worth finding; reading just them (not the lists, posters and card
 * sheets) halves the indexing work on a large site.
 */
const ENTRY_PAGES = `{${ENTRY_SECTIONS.join(',')}}/*/index.html`;

/** Pagefind indexes whole pages, menus and all, when none is marked: that is a broken index. */
function hasMarkedPage(siteDir: string, pages: readonly string[]): boolean {
  return pages.some((page) => {
    try {
      return readFileSync(join(siteDir, page), 'utf8').includes('data-pagefind-body');
    } catch {
      return false;
    }
  });
}

/** Pagefind's own messages, if any, become the hint under ours. */
function fail(message: string, errors: string[]): never {
  throw fixableError(`建立搜索索引失败：${message}`, errors.length ? errors.join('\n') : undefined);
}

/**
 * Controls inside an article (read-aloud buttons, hidden panels, what print leaves out) are not
 * its text and would otherwise fill the excerpts.
 */
const INDEX_OPTIONS = { excludeSelectors: ['button', '[hidden]', '.no-print'] };

const elapsed = (started: number) => `${((performance.now() - started) / 1000).toFixed(2)} 秒`;

/**
 * Indexes the built site in `siteDir` (the elements marked `data-pagefind-body`) plus one record
 * per cadre, and writes the index to `siteDir/pagefind`. Pagefind indexes one volume (a year of
 * entries, or the contact cards) at a time and the volumes are merged into the one index it would
 * have written (search-index-merge.ts). With `cacheDir`, volumes an earlier build made from the
 * same pages are reused, and an index made from the same pages and records is copied whole.
 */
export async function buildSearchIndex(options: {
  siteDir: string;
  contacts: ContactSearchRecord[];
  log?: (message: string) => void;
  cacheDir?: string;
}): Promise<SearchIndexResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const outputPath = join(options.siteDir, pagefindFolder);
  rmSync(outputPath, { recursive: true, force: true });
  const pages = entryPageFiles(options.siteDir, ENTRY_SECTIONS);
  const facts = pages.map((file) => readPageFacts(options.siteDir, file));
  const digests = new Map(facts.map((page) => [page.file, page.digest]));
  const key =
    options.cacheDir &&
    searchIndexKey({
      files: pages,
      digests,
      records: options.contacts,
      options: { ...INDEX_OPTIONS, glob: ENTRY_PAGES },
    });
  const reused = Boolean(
    options.cacheDir && key && restoreSearchIndex(options.cacheDir, key, outputPath),
  );
  if (reused) log(`条目页和联系卡都没有变，沿用上次构建的索引（${elapsed(started)}）`);
  else {
    const { siteDir, contacts, cacheDir } = options;
    const merged = await writeSearchIndexInVolumes({
      siteDir,
      facts,
      digests,
      outputPath,
      contacts,
      log,
      cacheDir,
    });
    if (!merged) await writeSearchIndex(siteDir, pages, outputPath, contacts, log);
  }
  const result = checkSearchIndex(outputPath, options.contacts.length, started, reused);
  if (!reused && options.cacheDir && key) storeSearchIndex(options.cacheDir, key, outputPath);
  return result;
}

/**
 * The index made volume by volume and merged. False when the merge does not understand what
 * Pagefind wrote (another Pagefind version): the caller then indexes all pages at once.
 */
async function writeSearchIndexInVolumes(input: {
  siteDir: string;
  facts: readonly PageFacts[];
  digests: ReadonlyMap<string, string>;
  outputPath: string;
  contacts: ContactSearchRecord[];
  log: (message: string) => void;
  cacheDir?: string | undefined;
}): Promise<boolean> {
  const { siteDir, facts, digests, outputPath, contacts, log, cacheDir } = input;
  const step = performance.now();
  const folder = cacheDir
    ? join(cacheDir, 'volumes')
    : mkdtempSync(join(tmpdir(), 'search-volumes-'));
  const used: string[] = [];
  try {
    if (facts.length > 0 && !facts.some((page) => page.marked))
      fail('条目页里没有标出正文：文章的正文元素应带有 data-pagefind-body 属性', []);
    const marked = facts.filter((page) => page.marked);
    const volumes = searchVolumes(
      marked.map((page) => page.file),
      contacts,
    );
    // Nothing to index: Pagefind itself writes the empty index.
    if (volumes.length === 0) return false;
    const sortValues = volumeSortValues(marked, volumes);
    log(`正在分卷读取页面正文（${volumes.length} 卷）…`);
    const dirs: string[] = [];
    let kept = 0;
    for (const volume of volumes) {
      const key = volumeKey(volume, digests, INDEX_OPTIONS);
      const began = performance.now();
      const result = await keptVolume(siteDir, volume, key, folder, INDEX_OPTIONS);
      if (result.errors.length > 0) fail(`建立“${volume.name}”卷时出错`, result.errors);
      used.push(key);
      dirs.push(result.dir);
      if (result.reused) kept += 1;
      else
        log(
          `  ${volume.name}：${volume.files.length + volume.records.length} 页（${elapsed(began)}）`,
        );
    }
    // Pagefind's memory is given back before the merge; `finally` closes it after an error.
    await pagefind.close();
    log(`已读取 ${marked.length} 个条目页（${elapsed(step)}）`);
    if (contacts.length > 0) log(`已加入 ${contacts.length} 张联系卡`);
    const merging = performance.now();
    await mergeSearchIndexes(dirs, outputPath, sortValues);
    log(`${volumes.length} 卷（沿用上次构建的 ${kept} 卷）已合并为一个索引（${elapsed(merging)}）`);
    return true;
  } catch (error) {
    if (!(error instanceof UnexpectedIndexFormat)) throw error;
    log(`搜索索引无法分卷建立（${error.message}），改为一次读取全部页面`);
    rmSync(outputPath, { recursive: true, force: true });
    return false;
  } finally {
    await pagefind.close();
    if (cacheDir) pruneVolumes(folder, used);
    else rmSync(folder, { recursive: true, force: true });
  }
}

async function writeSearchIndex(
  siteDir: string,
  pages: readonly string[],
  outputPath: string,
  contacts: ContactSearchRecord[],
  log: (message: string) => void,
): Promise<void> {
  try {
    const created = await pagefind.createIndex(INDEX_OPTIONS);
    if (!created.index) fail('无法启动 Pagefind', created.errors);
    const { index } = created;

    log('正在读取页面正文…');
    const step = performance.now();
    const added = await index.addDirectory({ path: siteDir, glob: ENTRY_PAGES });
    if (added.errors.length > 0) fail('读取页面时出错', added.errors);
    if (added.page_count > 0 && !hasMarkedPage(siteDir, pages))
      fail('条目页里没有标出正文：文章的正文元素应带有 data-pagefind-body 属性', []);
    log(`已读取 ${added.page_count} 个条目页（${elapsed(step)}）`);

    for (const record of contacts) {
      const response = await index.addCustomRecord(record);
      if (response.errors.length > 0) fail(`无法加入联系卡 ${record.url}`, response.errors);
    }
    if (contacts.length > 0) log(`已加入 ${contacts.length} 张联系卡`);

    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail('写入索引文件时出错', written.errors);
  } finally {
    await pagefind.close();
  }
}

function checkSearchIndex(
  outputPath: string,
  contacts: number,
  started: number,
  reused: boolean,
): SearchIndexResult {
  // Pagefind picks the index by the page's <html lang>: anything but Chinese finds nothing.
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const languages = Object.keys(entry.languages);
  // A new site with nothing published yet has an empty index, which is fine.
  if (languages.length > 0 && languages.join() !== 'zh-cn')
    fail(
      `索引的语言是 ${languages.join('、') || '（无）'}，应当只有 zh-cn：请检查页面的 <html lang="zh-CN">`,
      [],
    );

  for (const name of readdirSync(outputPath))
    if (UNUSED_BUNDLES.test(name)) rmSync(join(outputPath, name));
  const size = folderSize(outputPath);
  return {
    pages: (entry.languages['zh-cn']?.page_count ?? 0) - contacts,
    contacts,
    ...size,
    seconds: (performance.now() - started) / 1000,
    reused,
  };
}

/**
 * Builds the Pagefind search index after every `astro build`. A build whose index fails is a
 * failed build: the search page would otherwise find nothing. Listed last among the integrations,
 * so the site is otherwise complete when it starts (see pages-written.ts).
 */
export function pagefindSearch(options: {
  /** The cadres' records, asked for once the pages are built. */
  contacts: () => ContactSearchRecord[];
}): AstroIntegration {
  let root = process.cwd();
  let cacheDir = '';
  return {
    name: 'pagefind-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = join(fileURLToPath(config.cacheDir), 'search-index');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        // This hook runs last: the pages are complete, and may go live before their index.
        announcePagesWritten(siteDir);
        logger.info('正在建立搜索索引…');
        // Pagefind's process peaks next to Astro's: let go of what the page build left first.
        collectGarbage();
        const result = await buildSearchIndex({
          siteDir,
          contacts: options.contacts(),
          log: (message) => logger.info(message),
          cacheDir,
        });
        const output = join(siteDir, pagefindFolder);
        const shown = relative(root, output).startsWith('..') ? output : relative(root, output);
        logger.info(
          `搜索索引已写入 ${shown}：${result.pages} 篇文章、${result.contacts} 张联系卡，` +
            `${result.files} 个文件共 ${(result.bytes / 1024).toFixed(0)} KB（用时 ${result.seconds.toFixed(2)} 秒）`,
        );
      },
    },
  };
}
