import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One page route from src/pages, as URL segments; `[id]` marks a parameter, `[...x]` a rest. */
export interface Route {
  segments: string[];
}

const PAGE_FILE = /\.(?:astro|md|html|ts|js)$/;

/** The routes of the site's own pages (src/pages), so links to /search/ or /rss.xml check out. */
export function siteRoutes(root: string): Route[] {
  const pages = join(root, 'src/pages');
  if (!existsSync(pages)) return [];
  return readdirSync(pages, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(/[\\/]/))
    .filter((parts) => PAGE_FILE.test(parts.at(-1) ?? '') && !parts.some((p) => p.startsWith('_')))
    .map((parts) => {
      const last = (parts.pop() ?? '').replace(PAGE_FILE, '');
      // rss.xml.ts serves /rss.xml; index.astro serves its folder.
      if (last !== 'index') parts.push(last);
      return { segments: parts };
    });
}

/** A route segment as a pattern: `[id]` → one path part, `[id].vcf` → a part ending in .vcf. */
function segmentPattern(segment: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = segment
    .split(/(\[\w+\])/)
    .map((piece) => {
      const name = /^\[(\w+)\]$/.exec(piece)?.[1];
      if (name) {
        names.push(name);
        return '([^/]+?)';
      }
      return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

/**
 * Whether `path` (e.g. /study/2026-05/) is served by `route`; returns the values of its `[param]`
 * segments so the caller can check they name an entry.
 */
export function matchRoute(route: Route, path: string): Record<string, string> | undefined {
  const parts = path
    .replace(/\/index\.html$/, '/')
    .replace(/\.html$/, '')
    .split('/')
    .filter(Boolean);
  const params: Record<string, string> = {};
  for (const [i, segment] of route.segments.entries()) {
    if (/^\[\.\.\.\w+\]$/.test(segment)) return params;
    const part = parts[i];
    if (part === undefined) return undefined;
    const { pattern, names } = segmentPattern(segment);
    const m = pattern.exec(part);
    if (!m) return undefined;
    names.forEach((name, n) => (params[name] = m[n + 1] ?? ''));
  }
  return parts.length === route.segments.length ? params : undefined;
}
