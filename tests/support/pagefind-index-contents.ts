import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

/**
 * What a Pagefind index holds, independent of how its files are cut and numbered: each page
 * (by address) with its word count and fragment, each word with the pages, positions and
 * metadata fields it is found at, each filter value's pages, each sort order as addresses.
 * Two indexes with equal contents find and rank the same pages in the browser.
 */
export interface IndexContents {
  version: string;
  fields: string[];
  pages: Map<string, string>;
  words: Map<string, string[]>;
  filters: Record<string, Record<string, string[]>>;
  sorts: Record<string, string[]>;
  chunks: number;
}

type Posting = [number, number[], number[]];

export function indexContents(dir: string): IndexContents {
  const read = (file: string) => gunzipSync(readFileSync(join(dir, file))).subarray(12);
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const [language] = Object.values(entry.languages);
  if (!language) throw new Error(`${dir} 里的索引是空的`);
  const meta = decode(read(`pagefind.${language.hash}.pf_meta`)) as [
    string,
    [string, number, unknown][],
    [string, string, string][],
    [string, string][],
    [string, number[]][],
    string[],
  ];
  const fields = meta[5];
  const fragments = meta[1].map(
    ([hash]) =>
      JSON.parse(read(`fragment/${hash}.pf_fragment`).toString('utf8')) as { url: string },
  );
  const url = (page: number) => (fragments[page] as { url: string }).url;
  const pages = new Map(
    meta[1].map(([, wordCount, extra], i) => [
      url(i),
      JSON.stringify([wordCount, extra, fragments[i]]),
    ]),
  );
  const words = new Map<string, string[]>();
  for (const [, , hash] of meta[2]) {
    const [list] = decode(read(`index/${hash}.pf_index`)) as [[string, Posting[], unknown[]][]];
    for (const [word, postings, extra] of list) {
      let page = 0;
      const found = postings.map(([delta, positions, metaPositions], i) => {
        page = i === 0 ? delta : page + delta;
        const named = metaPositions.map((value) => (value < 0 ? fields[-1 - value] : value));
        return `${url(page)} ${JSON.stringify(positions)} ${JSON.stringify(named)}`;
      });
      words.set(word, [...found.sort(), JSON.stringify(extra)]);
    }
  }
  const filters: IndexContents['filters'] = {};
  for (const [, hash] of meta[3]) {
    const [filter, values] = decode(read(`filter/${hash}.pf_filter`)) as [
      string,
      [string, number[]][],
    ];
    filters[filter] = Object.fromEntries(
      values.map(([value, ids]) => [value, ids.map(url).sort()]),
    );
  }
  const sorts = Object.fromEntries(meta[4].map(([sort, ids]) => [sort, ids.map(url)]));
  return { version: meta[0], fields, pages, words, filters, sorts, chunks: meta[2].length };
}
