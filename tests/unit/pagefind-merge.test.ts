import { decode, encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { CborCursor, UnexpectedIndexFormat, cborIntegers } from '@/lib/pagefind-index/cbor-cursor';
import { chunkBounds, mergeWords, type MergedChunk } from '@/lib/pagefind-index/merge-words';
import { mergeSorts } from '@/lib/pagefind-index/merge-sorts';
import { sortValuesFromHtml } from '@/lib/pagefind-index/sort-attributes';

type Posting = [number, number[], number[]];
type Word = [string, Posting[], unknown[]];

/** A word chunk as Pagefind writes it: absolute pages in, delta-coded pages out. */
function chunk(words: [string, [page: number, positions: number[], fields?: number[]][]][]) {
  return encode([
    words.map(([word, pages]): Word => [
      word,
      pages.map(([page, positions, fields = []], i) => [
        i === 0 ? page : page - (pages[i - 1]?.[0] ?? 0),
        positions,
        fields,
      ]),
      [],
    ]),
  ]);
}

/** The merged chunks with absolute page numbers. */
function readChunks(chunks: MergedChunk[]) {
  return chunks.flatMap(({ payload }) =>
    (decode(payload) as [Word[]])[0].map(([word, postings]) => {
      let page = 0;
      return [
        word,
        postings.map(([delta, positions, fields], i) => {
          page = i === 0 ? delta : page + delta;
          return [page, positions, fields];
        }),
      ];
    }),
  );
}

describe('mergeWords', () => {
  it('renumbers pages and metadata fields and keeps words in byte order across chunks', () => {
    const chunks: MergedChunk[] = [];
    const words = mergeWords(
      [
        {
          chunks: [
            chunk([
              [
                '低保',
                [
                  [0, [-25, 3]],
                  [2, [7]],
                ],
              ],
              ['电话', [[1, [4], [-1, 0]]]],
            ]),
          ],
          pageOffset: 0,
        },
        {
          chunks: [
            chunk([
              [
                '低保',
                [
                  [0, [5]],
                  [1, [9, 11]],
                ],
              ],
            ]),
            chunk([['𠀀', [[1, [2]]]]]),
          ],
          pageOffset: 3,
          // This volume's field 0 is the merged field 2.
          fieldMap: [2],
        },
        { chunks: [chunk([['电话', [[0, [1], [-1, 4]]]]])], pageOffset: 5 },
      ],
      (merged) => chunks.push(merged),
      8,
    );
    expect(words).toBe(3);
    expect(readChunks(chunks)).toEqual([
      [
        '低保',
        [
          [0, [-25, 3], []],
          [2, [7], []],
          [3, [5], []],
          [4, [9, 11], []],
        ],
      ],
      [
        '电话',
        [
          [1, [4], [-1, 0]],
          [5, [1], [-1, 4]],
        ],
      ],
      ['𠀀', [[4, [2], []]]],
    ]);
    // Small chunks: one word each, bounded by the shortest distinguishing starts.
    expect(chunks.length).toBe(3);
    expect(chunkBounds(chunks)).toEqual([
      { from: '低保', to: '低' },
      { from: '电', to: '电' },
      { from: '𠀀', to: '𠀀' },
    ]);
  });

  it('renumbers the metadata fields of a volume whose field list differs', () => {
    const chunks: MergedChunk[] = [];
    mergeWords(
      [
        {
          chunks: [
            chunk([
              [
                '王',
                [
                  [0, [], [-1, 0]],
                  [2, [], [-2, 1]],
                ],
              ],
            ]),
          ],
          pageOffset: 10,
          fieldMap: [3, 5],
        },
      ],
      (merged) => chunks.push(merged),
    );
    expect(readChunks(chunks)).toEqual([
      [
        '王',
        [
          [10, [], [-4, 0]],
          [12, [], [-6, 1]],
        ],
      ],
    ]);
  });

  it('refuses what it does not understand rather than guess', () => {
    const extra = encode([[['词', [[0, [1], []]], ['附加']]]]);
    expect(() => mergeWords([{ chunks: [extra], pageOffset: 0 }], () => {})).toThrow(
      UnexpectedIndexFormat,
    );
    const unordered = chunk([
      ['甲', [[0, [1]]]],
      ['乙', [[0, [1]]]],
    ]);
    expect(() => mergeWords([{ chunks: [unordered], pageOffset: 0 }], () => {})).toThrow(/顺序/);
  });
});

describe('CborCursor', () => {
  it('reads what cborg writes, and cborIntegers writes what cborg reads', () => {
    const values = [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, -1, -24, -25, -257];
    expect(new CborCursor(encode(values)).integers()).toEqual(values);
    expect(decode(cborIntegers(values))).toEqual(values);
    expect(Buffer.from(cborIntegers(values))).toEqual(Buffer.from(encode(values)));
    const cursor = new CborCursor(encode([['长文本'.repeat(20), [1, [2, 3]]], '尾']));
    cursor.arrayLength();
    cursor.skip();
    expect(cursor.text()).toBe('尾');
    expect(cursor.done).toBe(true);
  });
});

describe('mergeSorts', () => {
  const values: Record<number, Record<string, string>> = {
    0: { newest: '2025-01-02' },
    1: { newest: '2024-05-01' },
    2: { newest: '2026-03-01' },
    3: { newest: '2024-05-01' },
    4: {},
  };

  it('orders pages of all volumes by value, equal values in page order', () => {
    const merged = mergeSorts(
      [
        { pageOffset: 0, pageCount: 2, sorts: [['newest', [1, 0]]] },
        { pageOffset: 2, pageCount: 3, sorts: [['newest', [1, 0]]] },
      ],
      (page) => values[page],
    );
    expect(merged).toEqual([['newest', [1, 3, 0, 2]]]);
  });

  it('sorts numbers as numbers', () => {
    const numbers = ['10', '9', '100'];
    expect(
      mergeSorts([{ pageOffset: 0, pageCount: 3, sorts: [['n', [1, 0, 2]]] }], (page) => ({
        n: numbers[page] as string,
      })),
    ).toEqual([['n', [1, 0, 2]]]);
  });

  it('refuses values that disagree with the order Pagefind wrote', () => {
    expect(() =>
      mergeSorts(
        [{ pageOffset: 0, pageCount: 2, sorts: [['newest', [0, 1]]] }],
        (page) => values[page],
      ),
    ).toThrow(UnexpectedIndexFormat);
    expect(() =>
      mergeSorts(
        [{ pageOffset: 0, pageCount: 1, sorts: [['newest', []]] }],
        (page) => values[page],
      ),
    ).toThrow(UnexpectedIndexFormat);
  });
});

describe('sortValuesFromHtml', () => {
  it('reads key:value sort attributes and refuses the forms it cannot read', () => {
    expect(
      sortValuesFromHtml(
        '<span data-pagefind-sort="newest:2026-03-15"></span><i data-pagefind-sort="oldest:2026-03-15">',
      ),
    ).toEqual({ newest: '2026-03-15', oldest: '2026-03-15' });
    expect(sortValuesFromHtml('<p>没有排序</p>')).toEqual({});
    expect(() => sortValuesFromHtml('<span data-pagefind-sort="date[data-date]"></span>')).toThrow(
      UnexpectedIndexFormat,
    );
    expect(() => sortValuesFromHtml('<span data-pagefind-sort="a:b&amp;c"></span>')).toThrow(
      UnexpectedIndexFormat,
    );
  });
});
