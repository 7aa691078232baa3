import { formatDate } from '@/lib/format-date';
import { formatPhone, telHref } from '@/lib/phone';
import { excerptParts } from '@/lib/search-excerpt';
import { ui } from '@/ui/strings';
import type { PagefindResultData } from '@/scripts/search-pagefind';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** One result, built from text nodes only: nothing in the index is ever parsed as HTML. */
export function renderResult(data: PagefindResultData): HTMLLIElement {
  const { meta } = data;
  const link = element('a', '', meta.title ?? data.url);
  link.href = data.url;
  const item = element('li', 'search-result', element('h2', 'search-result__title', link));

  const facts = element('p', 'search-result__meta');
  if (meta.section) facts.append(element('span', 'badge', meta.section));
  if (meta.issue) facts.append(element('span', 'search-result__issue', meta.issue));
  if (meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
    const time = element('time', '', formatDate(meta.date));
    time.dateTime = meta.date;
    facts.append(time);
  }
  if (facts.childNodes.length > 0) item.append(facts);

  const excerpt = element('p', 'search-result__excerpt');
  for (const part of excerptParts(data.excerpt)) {
    excerpt.append(part.mark ? element('mark', '', part.text) : part.text);
  }
  item.append(excerpt);

  if (meta.phone) {
    const call = element('a', 'search-result__call', formatPhone(meta.phone));
    call.href = telHref(meta.phone);
    call.setAttribute(
      'aria-label',
      `${ui.search.callName(meta.name ?? '')} ${formatPhone(meta.phone)}`,
    );
    item.append(element('p', 'search-result__phone', `${ui.search.phone}：`, call));
  }
  return item;
}
