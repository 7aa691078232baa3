import { UnexpectedIndexFormat } from './cbor-cursor.ts';

/**
 * The sort values Pagefind reads from a page: every `data-pagefind-sort="key:value"` attribute
 * (the only form this site writes, see search-attributes.ts). Other forms, or values with
 * character references, are not read here: they throw, and the index is built whole instead.
 */
export function sortValuesFromHtml(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of html.matchAll(/data-pagefind-sort=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    const attribute = match[1] ?? match[2] ?? match[3] ?? '';
    const colon = attribute.indexOf(':');
    if (colon <= 0 || attribute.includes('&') || attribute.includes('['))
      throw new UnexpectedIndexFormat(`不支持的排序属性：${attribute}`);
    values[attribute.slice(0, colon).trim()] = attribute
      .slice(colon + 1)
      .replace(/\\,/g, ',')
      .trim();
  }
  return values;
}
