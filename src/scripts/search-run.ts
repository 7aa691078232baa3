import type { WordPair } from '@/lib/search/everyday-words';
import { planQuery, type QueryPlan, type Segment } from '@/lib/search/query-plan';
import { rankMatches, type Hit } from '@/lib/search/rank-matches';
import { pagefindOptions, type SearchState } from '@/lib/search-url';
import { ui } from '@/ui/strings';
import type { FilterCounts, Pagefind, PagefindResult } from '@/scripts/search-pagefind';

/** What one search found, ready for the page to show. */
export interface SearchOutcome {
  results: PagefindResult[];
  /**
   * plain: the query as typed, as Pagefind answers it; all: pages holding every meaningful word
   * of a question; partial: pages holding some of them (best first).
   */
  kind: 'plain' | 'all' | 'partial';
  /** The meaningful words searched for, as the resident wrote them. */
  terms: string[];
  /** Counts per 栏目 to show on the chips, and every year found. */
  sections: Record<string, number>;
  years: string[];
  plan: QueryPlan;
}

const CONTACTS = ui.search.sections.contacts;

/** Which 栏目 and year each record belongs to, read once from the filter index. */
interface Facets {
  section: Map<string, string>;
  year: Map<string, string>;
}

let facets: Promise<Facets> | undefined;
const orders = new Map<string, Promise<Map<string, number>>>();

function loadFacets(pagefind: Pagefind): Promise<Facets> {
  facets ??= (async () => {
    const all = await pagefind.filters();
    const read = async (key: 'section' | 'year') => {
      const map = new Map<string, string>();
      for (const value of Object.keys(all[key] ?? {})) {
        const found = await pagefind.search(null, { filters: { [key]: value } });
        for (const result of found?.results ?? []) map.set(result.id, value);
      }
      return map;
    };
    return { section: await read('section'), year: await read('year') };
  })();
  return facets;
}

/** Every record's position in the reader's chosen date order. */
function loadOrder(pagefind: Pagefind, sort: Record<string, string>): Promise<Map<string, number>> {
  const key = JSON.stringify(sort);
  let order = orders.get(key);
  if (!order) {
    order = pagefind
      .search(null, { sort })
      .then((found) => new Map((found?.results ?? []).map((result, i) => [result.id, i])));
    orders.set(key, order);
  }
  return order;
}

function count(ids: string[], facet: Map<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) {
    const value = facet.get(id);
    if (value) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/**
 * Searches as the resident asked. A keyword query goes to Pagefind as typed; a question, or words
 * the table knows, is split into its meaningful words, each searched on its own with its site
 * words, and the pages are ranked by how many of them they hold (so a question never ends on
 * 没有找到 while one of its words is found), cadres first when it asks who to call.
 */
export async function runSearch(
  pagefind: Pagefind,
  state: SearchState,
  table: readonly WordPair[],
  segment: Segment,
): Promise<SearchOutcome> {
  const plan = planQuery(state.q, table, segment);
  const terms = plan.concepts.map((concept) => concept.label);
  const options = pagefindOptions(state);

  // A keyword query is answered as typed, as it always was: a word only a draft holds finds nothing.
  if ((!plan.isQuestion && !plan.usesTable) || plan.concepts.length === 0) {
    const found = await pagefind.search(state.q, options);
    const counts: FilterCounts =
      (state.sections.length > 0 ? found?.totalFilters : found?.filters) ?? {};
    return {
      results: found?.results ?? [],
      kind: 'plain',
      terms,
      sections: counts['section'] ?? {},
      years: Object.keys(found?.totalFilters['year'] ?? {}),
      plan,
    };
  }

  // Each word on its own, every 栏目 and year: the reader's filters are applied to the merged list.
  const sort = 'sort' in options ? options.sort : undefined;
  const byId = new Map<string, PagefindResult>();
  const perConcept: Hit[][] = [];
  const searchWords = async (words: string[], hits: Hit[]) => {
    for (const word of words) {
      const found = await pagefind.search(word, sort ? { sort } : {});
      for (const result of found?.results ?? []) {
        hits.push({ id: result.id, score: result.score });
        if (!byId.has(result.id)) byId.set(result.id, result);
      }
    }
  };
  for (const concept of plan.concepts) {
    const hits: Hit[] = [];
    // The site's words first; the resident's own word only when the pages never use them. Each
    // word may fetch a piece of the index, and the pages use the site's words.
    const [own = concept.label, ...siteWords] = concept.words;
    if (siteWords.length > 0) await searchWords(siteWords, hits);
    if (hits.length === 0) await searchWords([own], hits);
    perConcept.push(hits);
  }

  const { section, year } = await loadFacets(pagefind);
  const contacts = new Set([...byId.keys()].filter((id) => section.get(id) === CONTACTS));
  const order = sort ? await loadOrder(pagefind, sort) : undefined;
  const ranked = rankMatches(perConcept, {
    contacts,
    contactsFirst: plan.asksWho,
    ...(order ? { order } : {}),
  });

  const everyId = ranked.map((match) => match.id);
  const inYear = everyId.filter((id) => !state.year || year.get(id) === state.year);
  const kept = ranked.filter(
    (match) =>
      (!state.year || year.get(match.id) === state.year) &&
      (state.sections.length === 0 || state.sections.includes(section.get(match.id) ?? '')),
  );
  const all = plan.concepts.length;
  return {
    results: kept.flatMap((match) => byId.get(match.id) ?? []),
    kind: kept.some((match) => match.matched === all) ? 'all' : 'partial',
    terms,
    sections: count(state.sections.length > 0 ? everyId : inYear, section),
    years: [...new Set(everyId.flatMap((id) => year.get(id) ?? []))],
    plan,
  };
}
