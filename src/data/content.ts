import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import config from 'virtual:site-config';
import { siteToday } from './site-config.ts';
import { pageCacheKey, publicFileFingerprint } from '../lib/page-cache-key.ts';
import { collectionDefinitions, type CollectionName } from '../schemas/index.ts';

export type StudyEntry = CollectionEntry<'study'>;
export type ReportEntry = CollectionEntry<'reports'>;
export type NoticeEntry = CollectionEntry<'notices'>;
export type ContactEntry = CollectionEntry<'contacts'>;

/** Each query runs once per build; every page shares the result. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (cached ??= load());
}

const newestFirst = (a: { data: { date: string } }, b: { data: { date: string } }) =>
  b.data.date.localeCompare(a.data.date) || 0;

export const getSettings = once(async () => {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('缺少站点设置文件 content/settings/site.yml');
  return entry.data;
});

/** Published 学习园地 issues, newest issue first. */
export const getStudyIssues = once(async () =>
  (await getCollection('study', ({ data }) => !data.draft)).sort(
    (a, b) => b.data.issue - a.data.issue,
  ),
);

export const getReports = once(async () =>
  (await getCollection('reports', ({ data }) => !data.draft)).sort(newestFirst),
);

/** Every published notice, expired ones included (the archive keeps them). */
export const getNotices = once(async () =>
  (await getCollection('notices', ({ data }) => !data.draft)).sort(newestFirst),
);

export const getContacts = once(async () =>
  (await getCollection('contacts')).sort(
    (a, b) =>
      (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) ||
      a.data.name.localeCompare(b.data.name, 'zh-CN'),
  ),
);

/**
 * The entry with its Markdown: articles do not keep it in the content store (content.config.ts),
 * so it is read from the entry's file in this build's content folder. Not from the stored path: a
 * store written by a build of another copy of the same files keeps that copy's paths, because
 * Astro reuses an entry whose text did not change.
 */
function withSource<E extends { collection: string; body?: string; filePath?: string }>(
  entry: E,
): E {
  if (entry.body !== undefined || !entry.filePath) return entry;
  const { folder } = collectionDefinitions[entry.collection as CollectionName];
  const file = join(config.contentDir, folder, basename(entry.filePath));
  return { ...entry, body: readFileSync(file, 'utf8') };
}

/** Each entry's key without the day: the same for its page, poster and 公众号 version. */
const undatedKeys = new WeakMap<object, string>();

/**
 * Static paths for a page per entry (`[id].astro` and the like): the id in the URL, the entry as a
 * prop, and a `cacheKey` over everything the page reads, so an incremental build reuses it until
 * one of those changes. `changesWithTheDay` for a page that reads today's date.
 */
export async function entryPaths<
  E extends {
    id: string;
    collection: string;
    digest?: string | number;
    body?: string;
    filePath?: string;
    data: unknown;
  },
>(entries: readonly E[], options: { changesWithTheDay?: boolean } = {}) {
  const settings = await getSettings();
  const today = options.changesWithTheDay ? siteToday() : undefined;
  const fileFingerprint = (path: string) => publicFileFingerprint(config.publicDir, path);
  const keyOf = (entry: E) => {
    if (today) return pageCacheKey({ entry: withSource(entry), settings, today, fileFingerprint });
    let key = undatedKeys.get(entry);
    if (!key)
      undatedKeys.set(
        entry,
        (key = pageCacheKey({ entry: withSource(entry), settings, fileFingerprint })),
      );
    return key;
  };
  return entries.map((entry) => ({
    params: { id: entry.id },
    props: { entry },
    cacheKey: keyOf(entry),
  }));
}
