import { ui } from '../ui/strings.ts';
import { formatPhone, phoneDigits } from './phone.ts';
import { contactCardPath } from './routes.ts';
import { dateSortKeys } from './search-attributes.ts';

/** The fields of a 联系卡 that readers search by. */
export interface SearchableContact {
  name: string;
  role: string;
  duties: string;
  phone: string;
  area?: string | undefined;
  reception?: string | undefined;
}

/** One Pagefind record (the shape `addCustomRecord` takes) for one cadre. */
export interface ContactSearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Markdown as plain sentences: link targets, emphasis marks, headings and HTML tags removed. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Each cadre is their own search result, linking to their card on /contacts/, so a search for a
 * name, a role, an area or a duty (低保) lands on the person to call.
 */
export function contactSearchRecord(
  id: string,
  contact: SearchableContact,
  body = '',
  language = 'zh-cn',
): ContactSearchRecord {
  const sentences = [
    `${contact.name}，${contact.role}。`,
    `工作职责：${contact.duties}`,
    contact.area ? `联系片区：${contact.area}。` : '',
    contact.reception ? `接待时间：${contact.reception}。` : '',
    `联系电话：${formatPhone(contact.phone)}（${phoneDigits(contact.phone)}）。`,
    markdownToText(body),
  ];
  return {
    url: contactCardPath(encodeURIComponent(id)),
    content: sentences.filter(Boolean).join(' '),
    language,
    meta: {
      title: `${contact.name}（${contact.role}）`,
      section: ui.search.sections.contacts,
      phone: contact.phone,
      name: contact.name,
    },
    filters: { section: [ui.search.sections.contacts] },
    sort: dateSortKeys(undefined),
  };
}
