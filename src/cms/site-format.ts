import type { DecapField } from './decap-fields.ts';
import { URL_NAME } from './names.ts';

/** Decap's front matter formatter (FrontmatterFormatter from decap-cms-core). */
export interface Formatter {
  fromFile(content: string): Record<string, unknown>;
  toFile(
    data: Record<string, unknown>,
    sortedKeys?: string[],
    comments?: Record<string, string>,
  ): string;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Drops what the site's schema would reject: CMS-only fields and optional fields left empty. */
export function cleanEntry(
  data: Record<string, unknown>,
  fields: DecapField[],
): Record<string, unknown> {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === URL_NAME) continue;
    const field = byName.get(key);
    if (field && !field.required && field.name !== 'body' && isBlank(value)) continue;
    if (field?.fields && Array.isArray(value)) {
      const nested = field.fields;
      out[key] = value.map((item) =>
        item && typeof item === 'object'
          ? cleanEntry(item as Record<string, unknown>, nested)
          : item,
      );
      continue;
    }
    out[key] = value;
  }
  return out;
}

/**
 * Decap's own YAML front matter writer, with the collection's empty optional fields left out: an
 * emptied 撰写人 is saved as no author rather than an empty one the build would reject.
 */
export function siteFormat(base: Formatter, fields: DecapField[]): Formatter {
  return {
    fromFile: (content) => base.fromFile(content),
    toFile: (data, sortedKeys, comments) =>
      base.toFile(cleanEntry(data, fields), sortedKeys, comments),
  };
}
