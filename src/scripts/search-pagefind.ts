/** The parts of Pagefind's browser API (/pagefind/pagefind.js) this site uses. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  /** Relevance; comparable between searches of the same index. */
  score: number;
  data(): Promise<PagefindResultData>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Loads Pagefind the first time it is needed; until then the page fetches none of it. The path
 * is built at run time so the bundler leaves it alone: the index only exists after a build.
 */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = new URL('/pagefind/pagefind.js', location.href).href;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Chinese words are short: 40 of them make an excerpt of about two lines on a phone.
    await pagefind.options({ excerptLength: 40 });
    await pagefind.init();
    // Loads the filter index, without which results carry no counts per 栏目 and 年份.
    await pagefind.filters();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
