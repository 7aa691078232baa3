import { describe, expect, it } from 'vitest';
import { groupByYear, yearLinks } from '@/lib/group-by-year';
import { yearPath } from '@/lib/routes';

describe('yearLinks', () => {
  const groups = groupByYear(['2024-03-01', '2026-01-05', '2026-11-01', '2024-12-31'], (d) => d);

  it('links the newest year to the list itself and each earlier year to its own page', () => {
    expect(yearLinks(groups, '/reports/')).toEqual([
      { year: 2026, count: 2, href: '/reports/' },
      { year: 2024, count: 2, href: '/reports/year/2024/' },
    ]);
  });

  it('gives no links for an empty archive', () => {
    expect(yearLinks([], '/notices/')).toEqual([]);
  });

  it('builds year page addresses under the section', () => {
    expect(yearPath('/study/', 2025)).toBe('/study/year/2025/');
  });
});
