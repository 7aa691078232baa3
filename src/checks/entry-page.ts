import type { RawEntry } from './read-entries.ts';
import { entryPath, homePath, sectionPath } from '../lib/routes.ts';

/** The address of the page that shows an entry, so relative links resolve as on the site. */
export function entryPagePath(entry: Pick<RawEntry, 'collection' | 'id'>): string {
  switch (entry.collection) {
    case 'contacts':
      return sectionPath('contacts');
    // Single YAML files without a body: nothing in them is resolved against a page.
    case 'settings':
    case 'searchWords':
      return homePath;
    default:
      return entryPath(entry.collection, entry.id);
  }
}

/** The site's public address from the settings entry, if it has one. */
export function siteUrlOf(entries: readonly RawEntry[]): string | undefined {
  const data = entries.find((entry) => entry.collection === 'settings')?.data;
  const url = (data as { siteUrl?: unknown } | undefined)?.siteUrl;
  return typeof url === 'string' ? url : undefined;
}
