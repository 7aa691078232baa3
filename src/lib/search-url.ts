/** What a search page shows, as kept in its address so a search can be shared. */
export interface SearchState {
  q: string;
  /** 栏目 values to keep; empty means every 栏目. */
  sections: string[];
  /** A year such as 2026, or '' for every year. */
  year: string;
  sort: SearchSort;
}

export type SearchSort = 'relevance' | 'newest' | 'oldest';

const SORTS: readonly SearchSort[] = ['relevance', 'newest', 'oldest'];

/** Reads `?q=低保&section=联系卡&year=2026&sort=newest`, ignoring anything malformed. */
export function readSearchState(params: URLSearchParams): SearchState {
  const sort = params.get('sort') as SearchSort | null;
  const year = params.get('year') ?? '';
  return {
    q: (params.get('q') ?? '').trim(),
    sections: [...new Set(params.getAll('section').filter(Boolean))],
    year: /^\d{4}$/.test(year) ? year : '',
    sort: sort && SORTS.includes(sort) ? sort : 'relevance',
  };
}

/** The query string for a state, defaults left out: `?q=低保` rather than `?q=低保&sort=relevance`. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const section of state.sections) params.append('section', section);
  if (state.year) params.set('year', state.year);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Pagefind's search options for a state. */
export function pagefindOptions(state: SearchState): {
  filters: Record<string, { any: string[] } | string>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  const filters: Record<string, { any: string[] } | string> = {};
  if (state.sections.length > 0) filters.section = { any: state.sections };
  if (state.year) filters.year = state.year;
  return state.sort === 'relevance'
    ? { filters }
    : { filters, sort: state.sort === 'newest' ? { newest: 'desc' } : { oldest: 'asc' } };
}
