import { findPersonalData } from '../lib/privacy/index.ts';
import { error, type Problem } from './problem.ts';
import type { RawEntry, SourceFile } from './read-entries.ts';

const PHONE_LINE = /^\s*(?:phone|supervisionPhone)\s*:\s*["']?([^"'#\n]+)/gm;

/**
 * Cadres' and the branch's published numbers: public by design, so not a leak. Read from the
 * parsed entries and, for a contact file that does not parse, from its phone lines.
 */
export function publishedPhones(
  entries: readonly RawEntry[],
  sources: readonly SourceFile[] = [],
): string[] {
  const phones: string[] = [];
  for (const { file, text } of sources)
    if (/(?:^|\/)(?:contacts|settings)\/[^/]+$/.test(file))
      for (const m of text.matchAll(PHONE_LINE)) phones.push((m[1] ?? '').trim());
  for (const entry of entries) {
    if (entry.collection !== 'contacts' && entry.collection !== 'settings') continue;
    const data = (entry.data ?? {}) as Record<string, unknown>;
    for (const key of ['phone', 'supervisionPhone'])
      if (typeof data[key] === 'string' || typeof data[key] === 'number')
        phones.push(String(data[key]));
  }
  return phones;
}

/**
 * 个人信息保护: every content file, front matter and body, must be free of residents' ID numbers,
 * unpublished mobile numbers and bank card numbers; each finding shows the masked form to use.
 */
export function privacyProblems(
  sources: readonly SourceFile[],
  allowedPhones: readonly string[],
): Problem[] {
  return sources.flatMap(({ file, text }) =>
    findPersonalData(text, { allowedPhones }).map((finding) =>
      error(file, `${finding.message}（公开网站不能出现居民的个人信息）`, {
        field: '个人信息保护',
        line: finding.line,
      }),
    ),
  );
}
