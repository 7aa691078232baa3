import type { WordPair } from '@/lib/search/everyday-words';
import { nearestWords } from '@/lib/search/nearest-word';
import type { Segment } from '@/lib/search/query-plan';
import { stripQuestionWords } from '@/lib/search/question-words';
import { searchQueryString } from '@/lib/search-url';
import type { Pagefind } from '@/scripts/search-pagefind';
import { runSearch } from '@/scripts/search-run';
import { ui } from '@/ui/strings';

/**
 * How many table words to try as suggestions. Each is a search that may fetch a piece of the
 * index on a large site, so a page with no result stays light.
 */
const CANDIDATES = 3;
const EXAMPLES = 4;

function wordLinks(words: string[]): HTMLAnchorElement[] {
  return words.map((word) => {
    const link = document.createElement('a');
    link.className = 'search-help__word';
    link.href = `/search/${searchQueryString({ q: word, sections: [], year: '', sort: 'relevance' })}`;
    link.textContent = word;
    return link;
  });
}

/** Keeps the words whose own search finds something on this site, in order, up to `limit`. */
async function wordsThatFind(
  pagefind: Pagefind,
  words: string[],
  table: readonly WordPair[],
  segment: Segment,
  limit: number,
): Promise<string[]> {
  const kept: string[] = [];
  for (const word of words) {
    if (kept.length >= limit) break;
    const state = { q: word, sections: [], year: '', sort: 'relevance' as const };
    const outcome = await runSearch(pagefind, state, table, segment);
    if (outcome.results.length > 0) kept.push(word);
  }
  return kept;
}

/**
 * No result is never a dead end: the panel with 定时接待, the office and 监督 phones and the link to
 * the contact cards is on the page already; this adds the nearest words the table knows (煤汽 →
 * 煤气), or a few everyday words to try, each checked to find something.
 */
export async function showHelp(
  panel: HTMLElement,
  pagefind: Pagefind,
  query: string,
  table: readonly WordPair[],
  segment: Segment,
): Promise<void> {
  const suggestion = panel.querySelector<HTMLElement>('#search-suggest');
  panel.hidden = false;
  if (!suggestion) return;
  suggestion.replaceChildren();
  suggestion.hidden = true;
  const text = stripQuestionWords(query).text.replace(/\s+/g, '') || query;
  const near = await wordsThatFind(
    pagefind,
    nearestWords(text, table, CANDIDATES),
    table,
    segment,
    CANDIDATES,
  );
  const words =
    near.length > 0
      ? near
      : await wordsThatFind(
          pagefind,
          table.slice(0, EXAMPLES).map((row) => row.everyday),
          table,
          segment,
          EXAMPLES,
        );
  if (words.length === 0) return;
  suggestion.append(near.length > 0 ? ui.search.help.suggest : ui.search.help.examples);
  for (const link of wordLinks(words)) suggestion.append(link, ' ');
  suggestion.hidden = false;
}
