import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/**
 * What a page made from one entry reads besides its code (which Astro's incremental build hashes
 * itself): the entry, the site settings (header, footer, QR addresses), the day (a notice's
 * expiry) and the pictures it shows (their sizes are read from the files).
 */
export interface PageInputs {
  entry: { id: string; digest?: string | number; body?: string; data: unknown };
  settings: unknown;
  /** The day, for a page that changes with it (a notice past its closing date); else omitted. */
  today?: string | undefined;
  /** A fingerprint of a file under the public folder by its site path, or undefined if missing. */
  fileFingerprint: (sitePath: string) => string | undefined;
}

/** Site paths of the files an entry refers to: /uploads/… in its body or fields. */
export function referencedFiles(entry: PageInputs['entry']): string[] {
  const text = `${entry.body ?? ''}\n${JSON.stringify(entry.data)}`;
  const found = new Set<string>();
  for (const match of text.matchAll(/\/uploads\/[^\s"'()<>\]\\（）【】《》「」]+/g)) {
    let path = match[0].replace(/[.,;:!?，。；：！？]+$/, '');
    try {
      path = decodeURI(path);
    } catch {
      // A malformed escape stays as written; the content checks report it.
    }
    found.add(path);
  }
  return [...found].sort();
}

/** The incremental build's `cacheKey`: the page is rebuilt when any of its inputs changes. */
export function pageCacheKey(inputs: PageInputs): string {
  const hash = createHash('sha256');
  const part = (value: string) => hash.update(`${value.length}:${value}\n`);
  part(inputs.entry.id);
  part(
    inputs.entry.digest !== undefined
      ? String(inputs.entry.digest)
      : JSON.stringify([inputs.entry.data, inputs.entry.body ?? '']),
  );
  part(JSON.stringify(inputs.settings));
  part(inputs.today ?? 'any day');
  for (const path of referencedFiles(inputs.entry)) {
    part(path);
    part(inputs.fileFingerprint(path) ?? 'missing');
  }
  return hash.digest('hex');
}

/**
 * The `cacheKey` of a page made from its props and the site settings alone (a year's list: its
 * items already carry what the day decides, such as 已截止).
 */
export function propsCacheKey(props: unknown, settings: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([props, settings]))
    .digest('hex');
}

const fingerprints = new Map<string, { size: number; mtime: number; hash: string }>();

/**
 * Content hash of a file under `publicDir` (a checkout sets every file's time, so times alone
 * would change every key), remembered while its size and time stay the same.
 */
export function publicFileFingerprint(publicDir: string, sitePath: string): string | undefined {
  const file = normalize(join(publicDir, sitePath));
  if (!file.startsWith(publicDir + sep)) return undefined;
  try {
    const { size, mtimeMs } = statSync(file);
    const known = fingerprints.get(file);
    if (known && known.size === size && known.mtime === mtimeMs) return known.hash;
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    fingerprints.set(file, { size, mtime: mtimeMs, hash });
    return hash;
  } catch {
    return undefined;
  }
}
