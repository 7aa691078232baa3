import { yearPath } from './routes.ts';

export interface YearGroup<T> {
  year: number;
  items: T[];
}

/** Groups items by the year of their YYYY-MM-DD date, newest year first, newest item first. */
export function groupByYear<T>(items: readonly T[], dateOf: (item: T) => string): YearGroup<T>[] {
  const sorted = [...items].sort((a, b) => dateOf(b).localeCompare(dateOf(a)));
  const groups: YearGroup<T>[] = [];
  for (const item of sorted) {
    const year = Number(dateOf(item).slice(0, 4));
    const last = groups.at(-1);
    if (last?.year === year) last.items.push(item);
    else groups.push({ year, items: [item] });
  }
  return groups;
}

/** A link to one year of an archive that is split into one page per year. */
export interface YearLink {
  year: number;
  count: number;
  href: string;
}

/**
 * Links to every year of an archive, newest first. The newest year links to the archive's own
 * address, which shows that year, so the list page stays one address that residents bookmark.
 */
export function yearLinks<T>(groups: readonly YearGroup<T>[], base: string): YearLink[] {
  return groups.map((group, index) => ({
    year: group.year,
    count: group.items.length,
    href: index === 0 ? base : yearPath(base, group.year),
  }));
}
