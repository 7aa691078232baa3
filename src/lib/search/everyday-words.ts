/** One row of the search word table: what residents say → the words the site's pages use. */
export interface WordPair {
  everyday: string;
  site: readonly string[];
}

/** An everyday word found in a query, with the words to search for it. */
export interface EverydayMatch {
  everyday: string;
  /** The resident's own word first, then the site's words, without repeats. */
  words: string[];
}

/**
 * Finds the table's everyday words in `text`, longest first so 看病报销 wins over 看病, and returns
 * them with the text left once they are taken out (each replaced by a space).
 */
export function findEverydayWords(
  text: string,
  table: readonly WordPair[],
): { matches: EverydayMatch[]; rest: string } {
  const rows = [...table]
    .filter((row) => row.everyday.length > 0)
    .sort((a, b) => b.everyday.length - a.everyday.length);
  const matches: EverydayMatch[] = [];
  let rest = text;
  for (const row of rows) {
    if (!rest.includes(row.everyday)) continue;
    matches.push({ everyday: row.everyday, words: [...new Set([row.everyday, ...row.site])] });
    rest = rest.split(row.everyday).join(' ');
  }
  // Back in the order the resident said them.
  matches.sort((a, b) => text.indexOf(a.everyday) - text.indexOf(b.everyday));
  return { matches, rest: rest.replace(/\s+/g, ' ').trim() };
}

/** The table as sent to the search page: [everyday, site words…] rows, nothing else. */
export function compactTable(table: readonly WordPair[]): string[][] {
  return table.map((row) => [row.everyday, ...row.site]);
}

/** Reads the compact table back, ignoring anything malformed. */
export function expandTable(rows: unknown): WordPair[] {
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row) => {
    if (!Array.isArray(row) || !row.every((word) => typeof word === 'string' && word)) return [];
    const [everyday, ...site] = row as string[];
    return everyday && site.length > 0 ? [{ everyday, site }] : [];
  });
}
