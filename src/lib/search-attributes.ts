import type { ui } from '../ui/strings.ts';

/** The 栏目 a search result belongs to, as the filter value readers see. */
export type SearchSection = (typeof ui.search.sections)[keyof typeof ui.search.sections];

export interface SearchPageInfo {
  section: SearchSection;
  /** YYYY-MM-DD */
  date: string;
  /** 期号 as readers write it, e.g. 第3期. */
  issue?: string | undefined;
}

/** A comma inside a value would start another key for Pagefind: keep it escaped. */
function escapeValue(value: string): string {
  return value.replace(/,/g, '\\,');
}

/**
 * Sort keys for both date orders. Pagefind leaves records without the key out of a sorted search,
 * so 联系卡 (which have no date) carry values that put them after every entry in both orders.
 */
export function dateSortKeys(date: string | undefined): { newest: string; oldest: string } {
  return date ? { newest: date, oldest: date } : { newest: '0000-00-00', oldest: '9999-99-99' };
}

/**
 * Pagefind reads one `key:value` per attribute, so each fact about an entry is its own empty
 * element inside the indexed one: its 栏目, date and 期号 as metadata, 栏目 and 年份 as filters,
 * and the date to sort by.
 */
export function searchPageTags(info: SearchPageInfo): Record<string, string>[] {
  const tag = (kind: 'meta' | 'filter' | 'sort', key: string, value: string | undefined) =>
    value ? [{ [`data-pagefind-${kind}`]: `${key}:${escapeValue(value)}` }] : [];
  const sort = dateSortKeys(info.date);
  return [
    ...tag('meta', 'section', info.section),
    ...tag('meta', 'date', info.date),
    ...tag('meta', 'issue', info.issue),
    ...tag('filter', 'section', info.section),
    ...tag('filter', 'year', info.date.slice(0, 4)),
    ...tag('sort', 'newest', sort.newest),
    ...tag('sort', 'oldest', sort.oldest),
  ];
}
