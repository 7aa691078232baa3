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
      out[key] = (value as unknown[]).map((item) =>
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

const FRONT_MATTER = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/;

type Meta = Record<string, unknown>;

const withoutBody = ({ body: _body, ...meta }: Meta): Meta => meta;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The front matter split into its top-level keys, each with its lines as written. */
function keyBlocks(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let key: string | undefined;
  for (const line of text.split(/(?<=\n)/)) {
    const top = /^([A-Za-z_][\w-]*):/.exec(line);
    if (top) key = top[1]!;
    if (key !== undefined) blocks.set(key, (blocks.get(key) ?? '') + line);
  }
  return blocks;
}

/**
 * The front matter to save, kept as the secretary's file had it: a key whose value did not change
 * keeps its lines (quotes, order, comments); a changed or new key takes the lines Decap wrote.
 */
export function keepWrittenFrontMatter(
  original: { text: string; meta: Meta },
  written: string,
  meta: Meta,
): string {
  const keys = Object.keys(meta);
  if (
    keys.length === Object.keys(original.meta).length &&
    keys.every((k) => same(original.meta[k], meta[k]))
  )
    return original.text;
  const before = keyBlocks(original.text);
  const after = keyBlocks(written);
  if ([...before.keys()].some((k) => !(k in original.meta))) return written;
  const out: string[] = [];
  for (const [key, lines] of before) {
    if (!(key in meta)) continue;
    out.push(same(original.meta[key], meta[key]) ? lines : (after.get(key) ?? ''));
  }
  for (const [key, lines] of after) if (!before.has(key)) out.push(lines);
  const text = out.join('');
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Decap's own YAML front matter writer, with the collection's empty optional fields left out (an
 * emptied 撰写人 is saved as no author rather than an empty one the build would reject), and the
 * lines of unchanged fields kept as they were written: opening an entry and editing the body does
 * not restyle its front matter.
 */
export function siteFormat(base: Formatter, fields: DecapField[]): Formatter {
  const read: { text: string; meta: Meta }[] = [];
  return {
    fromFile: (content) => {
      const data = base.fromFile(content);
      const match = FRONT_MATTER.exec(content);
      if (match) {
        read.unshift({ text: match[1] ?? '', meta: withoutBody(data) });
        read.length = Math.min(read.length, 200);
      }
      return data;
    },
    toFile: (data, sortedKeys, comments) => {
      const cleaned = cleanEntry(data, fields);
      const file = base.toFile(cleaned, sortedKeys, comments);
      const written = FRONT_MATTER.exec(file);
      const meta = withoutBody(cleaned);
      const keys = Object.keys(meta);
      // The entry this was read from: the one whose fields most still hold the values read.
      const score = (entry: { meta: Meta }) =>
        keys.filter((k) => same(entry.meta[k], meta[k])).length;
      const original = read
        .filter((entry) => score(entry) * 2 > keys.length)
        .reduce<(typeof read)[number] | undefined>(
          (best, entry) => (best && score(best) >= score(entry) ? best : entry),
          undefined,
        );
      if (!written || !original) return file;
      return `---\n${keepWrittenFrontMatter(original, written[1] ?? '', meta)}---\n${file.slice(written[0].length)}`;
    },
  };
}
