/** A release folder's name: its build's start in UTC, then the commit, so names sort by time. */
export function releaseId(started: Date, commit: string): string {
  const stamp = started
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return `${stamp}-${commit.slice(0, 7)}`;
}

/** Only names that releaseId() makes are release folders (guards rollback ids from requests). */
export function isReleaseId(text: string): boolean {
  return /^\d{8}-\d{6}-[0-9a-f]{7}$/.test(text);
}

/**
 * A release whose pages went live before its search index: `<id>.pages` holds the new pages with
 * the search index of the release before, until the build finishes and `<id>` replaces it.
 */
export const PAGES_FIRST_SUFFIX = '.pages';

/** The release a live folder belongs to. */
export function releaseOfFolder(folder: string): string {
  return folder.endsWith(PAGES_FIRST_SUFFIX) ? folder.slice(0, -PAGES_FIRST_SUFFIX.length) : folder;
}
