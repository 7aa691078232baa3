import { UnexpectedIndexFormat } from './cbor-cursor.ts';

/**
 * Pagefind keeps, for each sort key, the page numbers of the pages that have it in the key's
 * order; the values themselves are not in the index. Merging indexes orders the pages again
 * from their values, the way Pagefind does: as numbers when every value reads as one, else as
 * text in byte order, pages with equal values in page order. The result must agree with each
 * index's own order, or the values given are not the ones Pagefind read.
 */

export interface SortSource {
  pageOffset: number;
  pageCount: number;
  sorts: readonly (readonly [string, readonly number[]])[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function compareText(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function mergeSorts(
  sources: readonly SortSource[],
  /** The sort values of each merged page, by page number. */
  valuesOf: (page: number) => Readonly<Record<string, string>> | undefined,
): [string, number[]][] {
  const keys = [...new Set(sources.flatMap((source) => source.sorts.map(([key]) => key)))].sort(
    compareText,
  );
  return keys.map((key) => {
    const pages: { page: number; value: string }[] = [];
    for (const source of sources) {
      const listed = new Set(source.sorts.find(([name]) => name === key)?.[1] ?? []);
      for (let local = 0; local < source.pageCount; local++) {
        const page = source.pageOffset + local;
        const value = valuesOf(page)?.[key];
        if ((value !== undefined) !== listed.has(local))
          throw new UnexpectedIndexFormat(`第 ${page} 页的排序值“${key}”与索引不一致`);
        if (value !== undefined) pages.push({ page, value });
      }
    }
    const numeric = pages.every(({ value }) => NUMBER.test(value));
    // Pagefind compares numbers as 32-bit floats.
    const order = numeric
      ? (a: { value: string }, b: { value: string }) =>
          Math.fround(Number(a.value)) - Math.fround(Number(b.value))
      : (a: { value: string }, b: { value: string }) => compareText(a.value, b.value);
    const sorted = pages.sort(order).map(({ page }) => page);

    for (const source of sources) {
      const own = source.sorts.find(([name]) => name === key)?.[1] ?? [];
      const mine = sorted
        .filter((page) => page >= source.pageOffset && page < source.pageOffset + source.pageCount)
        .map((page) => page - source.pageOffset);
      if (mine.length !== own.length || mine.some((page, i) => page !== own[i]))
        throw new UnexpectedIndexFormat(`排序“${key}”与分卷索引里的顺序不一致`);
    }
    return [key, sorted];
  });
}
