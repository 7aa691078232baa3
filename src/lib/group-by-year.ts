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
