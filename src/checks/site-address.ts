/**
 * What an address in content points at: a path on this site (links to the site's own
 * https://… address count as local), or something elsewhere.
 */
export type Address =
  | { kind: 'local'; path: string; hash: string }
  | { kind: 'external'; url: string }
  | { kind: 'script' }
  | { kind: 'data' }
  | { kind: 'other' };

/**
 * Resolves `url` as the browser would on the page at `pagePath` (e.g. /study/2026-05/), with the
 * site published at `siteUrl`.
 */
export function resolveAddress(url: string, pagePath: string, siteUrl?: string): Address {
  const trimmed = url.trim();
  // Browsers ignore tabs, newlines and leading control characters in a scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\s\0-\x1f]/g, ''))?.[1];
  if (scheme?.toLowerCase() === 'javascript' || scheme?.toLowerCase() === 'vbscript')
    return { kind: 'script' };
  if (scheme?.toLowerCase() === 'data') return { kind: 'data' };
  const base = new URL(pagePath, 'http://site.invalid');
  let target: URL;
  try {
    target = new URL(trimmed, base);
  } catch {
    return { kind: 'other' };
  }
  const home = siteUrl ? safeUrl(siteUrl) : undefined;
  const local = target.origin === base.origin || (home !== undefined && target.host === home.host);
  if (local) {
    let path = target.pathname;
    if (
      home &&
      target.origin !== base.origin &&
      home.pathname !== '/' &&
      path.startsWith(home.pathname)
    )
      path = `/${path.slice(home.pathname.length)}`.replace(/^\/\//, '/');
    return { kind: 'local', path: decode(path), hash: decode(target.hash.slice(1)) };
  }
  if (target.protocol === 'http:' || target.protocol === 'https:')
    return { kind: 'external', url: target.href };
  return { kind: 'other' };
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
