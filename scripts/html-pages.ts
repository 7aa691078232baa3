import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every HTML file of a built site, relative to it with `/` separators and sorted, e.g.
 * `study/2026-05/index.html`. Used by the scripts, the benchmark and the tests alike.
 */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The address a built file is served at: `study/2026-05/index.html` → `/study/2026-05/`. */
export function pageAddress(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The address of every HTML page of a built site, sorted. */
export function pageAddresses(dir: string): string[] {
  return htmlFiles(dir).map(pageAddress).sort();
}
