import type { SearchWords } from '../schemas/search-words.ts';
import type { ValidEntry } from './collection-rules.ts';
import { error, warning, type Problem } from './problem.ts';

const FIELD = (row: number, key: 'everyday' | 'site') =>
  `词表 · 第 ${row + 1} 项 · ${key === 'everyday' ? '居民说法' : '网站用词'}（words[${row}].${key}）`;

/**
 * The search word table reads one way per everyday word: a word written twice is an error (which
 * row applies would be a guess); a row that only repeats itself is a warning.
 */
export function searchWordProblems(table: ValidEntry<SearchWords> | undefined): Problem[] {
  if (!table) return [];
  const { entry, data } = table;
  const line = (path: PropertyKey[]) => {
    const at = entry.lineOf(path);
    return at === undefined ? {} : { line: at };
  };
  const problems: Problem[] = [];
  const firstRow = new Map<string, number>();
  data.words.forEach((pair, row) => {
    const earlier = firstRow.get(pair.everyday);
    if (earlier === undefined) firstRow.set(pair.everyday, row);
    else
      problems.push(
        error(
          entry.file,
          `居民说法“${pair.everyday}”写了两次（第 ${earlier + 1} 项和第 ${row + 1} 项）：请把网站用词合并到一项里，删掉另一项`,
          { field: FIELD(row, 'everyday'), ...line(['words', row, 'everyday']) },
        ),
      );
    const others = pair.site.filter((word) => word !== pair.everyday);
    if (others.length === 0)
      problems.push(
        warning(
          entry.file,
          `“${pair.everyday}”对应的网站用词和它自己一样，这一项不起作用：请写网站文章里用的另一个词，或删掉这一项`,
          { field: FIELD(row, 'site'), ...line(['words', row, 'site']) },
        ),
      );
    const repeated = pair.site.filter((word, i) => pair.site.indexOf(word) !== i);
    if (repeated.length > 0)
      problems.push(
        warning(entry.file, `“${pair.everyday}”的网站用词里“${repeated[0]}”写了两次`, {
          field: FIELD(row, 'site'),
          ...line(['words', row, 'site']),
        }),
      );
  });
  return problems;
}
