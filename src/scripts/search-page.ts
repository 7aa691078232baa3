import { readSearchState, searchQueryString, type SearchState } from '@/lib/search-url';
import { expandTable } from '@/lib/search/everyday-words';
import { intlSegment } from '@/lib/search/query-plan';
import { loadPagefind, type PagefindResult } from '@/scripts/search-pagefind';
import { showHelp } from '@/scripts/search-help';
import { renderResult } from '@/scripts/search-render';
import { runSearch, type SearchOutcome } from '@/scripts/search-run';
import { setUpVoice } from '@/scripts/search-voice';
import { ui } from '@/ui/strings';

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 250;

const app = document.querySelector<HTMLElement>('#search-app');
const input = document.querySelector<HTMLInputElement>('#search-input');
const form = input?.form;
const filters = document.querySelector<HTMLFormElement>('#search-filters');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const yearSelect = filters?.elements.namedItem('year') as HTMLSelectElement | null;
const sortSelect = filters?.elements.namedItem('sort') as HTMLSelectElement | null;
const help = document.querySelector<HTMLElement>('#search-help');
const voice = document.querySelector<HTMLButtonElement>('.search-box__voice');

if (app && input && form && filters && status && list && more && yearSelect && sortSelect) {
  const table = expandTable(JSON.parse(app.dataset['words'] ?? '[]'));
  const segment = intlSegment();
  let state: SearchState = readSearchState(new URLSearchParams(location.search));
  let run = 0;
  let pending: PagefindResult[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sectionBoxes = [...filters.querySelectorAll<HTMLInputElement>('input[name="section"]')];

  const showState = () => {
    input.value = state.q;
    for (const box of sectionBoxes) box.checked = state.sections.includes(box.value);
    sortSelect.value = state.sort;
    if (state.year && ![...yearSelect.options].some((o) => o.value === state.year))
      yearSelect.add(new Option(ui.search.yearOption(state.year), state.year));
    yearSelect.value = state.year;
  };

  const readFilters = (): SearchState => ({
    q: input.value.trim(),
    sections: sectionBoxes.filter((box) => box.checked).map((box) => box.value),
    year: yearSelect.value,
    sort: sortSelect.value as SearchState['sort'],
  });

  const keepInAddress = () => {
    const address = `${location.pathname}${searchQueryString(state)}`;
    if (address !== `${location.pathname}${location.search}`)
      history.replaceState(null, '', address);
  };

  const showMore = async (current: number) => {
    const batch = pending.splice(0, PAGE_SIZE);
    const items = await Promise.all(batch.map(async (result) => renderResult(await result.data())));
    if (current !== run) return;
    list.append(...items);
    more.hidden = pending.length === 0;
  };

  const yearsFrom = (found: string[]) => {
    const years = [...found].sort().reverse();
    for (const year of years)
      if (![...yearSelect.options].some((o) => o.value === year))
        yearSelect.add(new Option(ui.search.yearOption(year), year));
  };

  const statusFor = (outcome: SearchOutcome): string => {
    const n = outcome.results.length;
    if (n === 0) return ui.search.none(state.q);
    if (outcome.kind === 'partial') return ui.search.partial(outcome.terms, n);
    // A question says which words it was searched by; a keyword is searched as typed.
    if (outcome.kind === 'all' && outcome.plan.isQuestion)
      return ui.search.questionCount(state.q, outcome.terms, n);
    return ui.search.count(state.q, n);
  };

  const search = async () => {
    const current = ++run;
    keepInAddress();
    if (help) help.hidden = true;
    if (!state.q) {
      list.replaceChildren();
      status.textContent = '';
      filters.hidden = true;
      more.hidden = true;
      app.dataset.state = 'idle';
      return;
    }
    app.dataset.state = 'loading';
    status.textContent = ui.search.loading;
    try {
      const pagefind = await loadPagefind();
      const outcome = await runSearch(pagefind, state, table, segment);
      if (current !== run) return;
      pending = [...outcome.results];
      list.replaceChildren();
      yearsFrom(outcome.years);
      for (const box of sectionBoxes) {
        const count = box.parentElement?.querySelector('.chip__count');
        if (count) count.textContent = String(outcome.sections[box.value] ?? 0);
      }
      // Nothing to narrow down: the help below matters more than empty chips.
      const filtered = state.sections.length > 0 || state.year !== '';
      filters.hidden = outcome.results.length === 0 && !filtered;
      await showMore(current);
      if (current !== run) return;
      status.textContent = statusFor(outcome);
      app.dataset.kind = outcome.results.length > 0 ? outcome.kind : 'none';
      if (help && outcome.results.length === 0)
        await showHelp(help, pagefind, state.q, table, segment);
      if (current !== run) return;
      app.dataset.query = state.q;
      app.dataset.state = 'done';
      performance.mark('search-results');
    } catch {
      if (current !== run) return;
      status.textContent = ui.search.unavailable;
      filters.hidden = true;
      if (help) help.hidden = false;
      app.dataset.state = 'error';
    }
  };

  input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = readFilters();
      void search();
    }, TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = readFilters();
    void search();
  });
  filters.addEventListener('change', () => {
    state = readFilters();
    void search();
  });
  filters.addEventListener('submit', (event) => event.preventDefault());
  more.addEventListener('click', () => void showMore(run));

  if (voice)
    setUpVoice(voice, (text) => {
      input.value = text;
      state = readFilters();
      void search();
    });

  app.hidden = false;
  showState();
  app.dataset.state = 'idle';
  if (state.q) void search();
}
