import { findPrivacyIssues, type PrivacyFinding } from '../lib/privacy/index.ts';
import { RunMemo } from '../lib/run-memo.ts';
import { error, warning, type Problem } from './problem.ts';
import type { RawEntry, SourceFile } from './read-entries.ts';

const PHONE_LINE = /^\s*(?:phone|supervisionPhone)\s*:\s*["']?([^"'#\n]+)/gm;
const NAME_LINE = /^\s*name\s*:\s*["']?([^"'#\n]+)/m;
/** A cadre's contact card or the site settings: their phones, WeChat and QQ are published on purpose. */
const PUBLIC_FILE = /(?:^|\/)(?:contacts|settings)\/[^/]+$/;

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
    if (PUBLIC_FILE.test(file))
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

/** The cadres listed in content/contacts: their names are public, whatever the sentence says. */
export function publishedNames(
  entries: readonly RawEntry[],
  sources: readonly SourceFile[] = [],
): string[] {
  const names: string[] = [];
  for (const { file, text } of sources)
    if (/(?:^|\/)contacts\/[^/]+$/.test(file)) {
      const name = NAME_LINE.exec(text)?.[1]?.trim();
      if (name) names.push(name);
    }
  for (const entry of entries) {
    const name = (entry.data as { name?: unknown } | undefined)?.name;
    if (entry.collection === 'contacts' && typeof name === 'string') names.push(name.trim());
  }
  return names;
}

/** Each file's findings by its text and the published people (most files did not change). */
const findings = new RunMemo<readonly PrivacyFinding[]>();

export interface PublishedPeople {
  phones: readonly string[];
  names: readonly string[];
}

/**
 * 个人信息保护: every content file, front matter and body, is read for residents' ID, mobile and
 * bank card numbers, home addresses, names next to illness or hardship, WeChat, QQ and licence
 * plates. Each finding shows the masked form to use; errors stop the build, 提醒 are shown only.
 */
export function privacyProblems(
  sources: readonly SourceFile[],
  published: PublishedPeople | readonly string[],
): Problem[] {
  const { phones, names } = Array.isArray(published)
    ? { phones: published as readonly string[], names: [] }
    : (published as PublishedPeople);
  const people = JSON.stringify([phones, names]);
  return sources.flatMap(({ file, text }) => {
    const publicContact = PUBLIC_FILE.test(file);
    return findings
      .get(`${people}\0${publicContact}\0${text}`, () =>
        findPrivacyIssues(text, { allowedPhones: phones, allowedNames: names, publicContact }),
      )
      .map((finding) =>
        finding.severity === 'error'
          ? error(file, `${finding.message}（公开网站不能出现居民的个人信息）`, {
              field: '个人信息保护',
              line: finding.line,
            })
          : warning(file, finding.message, { field: '个人信息保护', line: finding.line }),
      );
  });
}
