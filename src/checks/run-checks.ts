import type { Notice } from '../schemas/notices.ts';
import type { SearchWords } from '../schemas/search-words.ts';
import type { StudyIssue } from '../schemas/study.ts';
import { publicDir as publicDirOf } from '../lib/public-dir.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { startMemoRun } from '../lib/run-memo.ts';
import { today as todayInChina } from '../lib/today.ts';
import { expiredPinnedNotices, uniqueIssueNumbers, type ValidEntry } from './collection-rules.ts';
import type { Problem } from './problem.ts';
import { dateWarnings } from './entry-dates.ts';
import { imageProblems } from './images.ts';
import { linkProblems } from './links.ts';
import { mediaFolderProblems } from './media-folder.ts';
import { privacyProblems, publishedNames, publishedPhones } from './privacy.ts';
import { readAllEntries } from './read-entries.ts';
import { searchWordProblems } from './search-words.ts';
import { siteUrlProblems } from './site-address.ts';
import { uniqueMonths } from './unique-month.ts';
import { unsafeHtmlWarnings } from './unsafe-html.ts';
import { validateEntry } from './validate-entry.ts';

export interface CheckOptions {
  /** Where the site's static files are (default `root/public`): images and attachments. */
  publicDir?: string | undefined;
  /** The folder editors write (default `root/content`). */
  contentDir?: string | undefined;
}

export interface CheckResult {
  problems: Problem[];
  entryCount: number;
  /** The entries that passed their schema, with the parsed data, by collection. */
  valid: ReadonlyMap<string, readonly ValidEntry[]>;
}

/**
 * Validates everything in the content folder without building the site: schemas, unique 期号,
 * expired pinned notices, images, links between entries, code the sanitiser will remove, and
 * personal data in every content file.
 */
export function runChecks(
  root: string,
  today = todayInChina(),
  options: CheckOptions = {},
): CheckResult {
  const publicDir = options.publicDir ?? publicDirOf(root);
  startMemoRun();
  const { entries, problems, sources } = readAllEntries(root, options.contentDir);
  const valid = new Map<string, ValidEntry[]>();
  for (const entry of entries) {
    const result = validateEntry(entry);
    problems.push(...result.problems);
    if (result.data !== undefined) {
      valid.set(entry.collection, [
        ...(valid.get(entry.collection) ?? []),
        { entry, data: result.data },
      ]);
    }
  }
  problems.push(...uniqueIssueNumbers((valid.get('study') ?? []) as ValidEntry<StudyIssue>[]));
  problems.push(...uniqueMonths((valid.get('study') ?? []) as ValidEntry<StudyIssue>[]));
  problems.push(...siteUrlProblems(valid.get('settings') ?? []));
  problems.push(
    ...expiredPinnedNotices((valid.get('notices') ?? []) as ValidEntry<Notice>[], today),
  );
  problems.push(
    ...searchWordProblems((valid.get('searchWords') as ValidEntry<SearchWords>[] | undefined)?.[0]),
  );
  const reportedImages = new Set<string>();
  problems.push(...imageProblems(publicDir, entries, reportedImages));
  problems.push(...mediaFolderProblems(root, publicDir, reportedImages));
  problems.push(...dateWarnings([...valid.values()].flat(), today));
  problems.push(...linkProblems(root, entries, publicDir));
  problems.push(...unsafeHtmlWarnings(entries));
  problems.push(
    ...privacyProblems(sources, {
      phones: publishedPhones(entries, sources),
      names: publishedNames(entries, sources),
    }),
  );
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { problems, entryCount: entries.length, valid };
}

/** The checks of a site's configured content, as of its day (SITE_TODAY or today in China). */
export function checkSite(site: SiteConfig): CheckResult {
  return runChecks(site.root, todayInChina(new Date(), site.today), {
    contentDir: site.contentDir,
    publicDir: site.publicDir,
  });
}
