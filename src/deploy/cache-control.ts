import { pagefindFolder } from '../lib/routes.ts';

/** A year: files whose name carries a content hash never change under that name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else may change under the same name: the browser asks each time (a cheap 304). */
export const REVALIDATE = 'no-cache';

/**
 * The Cache-Control header for one file of a built site, by its path relative to the site root
 * (`_astro/BaseLayout.Be3RDxes.css`, `study/2026-03/index.html`). Astro hashes every file under
 * `_astro/`; Pagefind hashes its index chunks (`*.pf_fragment`, `*.pf_index`, `*.pf_meta`,
 * `*.pf_filter`) but not `pagefind.js`, `pagefind-entry.json` or its WebAssembly, which point to
 * the current chunks and so must be fetched fresh after each release.
 */
export function cacheControlFor(path: string): string {
  const clean = path.replace(/^\/+/, '');
  if (clean.startsWith('_astro/')) return IMMUTABLE;
  if (clean.startsWith(`${pagefindFolder}/`) && /\.pf_[a-z]+$/.test(clean)) return IMMUTABLE;
  return REVALIDATE;
}
