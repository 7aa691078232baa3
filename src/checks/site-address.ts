import type { ValidEntry } from './collection-rules.ts';
import { warning, type Problem } from './problem.ts';

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
  // eslint-disable-next-line no-control-regex -- those control characters are what is removed
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

/** The address the sample settings ship with: posters printed with it point nowhere. */
export const SAMPLE_SITE_URL = 'https://qiaobei.example.cn';

/**
 * Why the site's own address (站点设置 → 网站地址) is not ready for print, or undefined when it
 * is: QR codes, feeds and links on posters and cards are all made from it.
 */
export function siteUrlWarning(siteUrl: string): string | undefined {
  const url = safeUrl(siteUrl.trim());
  const fix = '请在内容管理的“站点设置 → 网站地址”填写本站正式网址（以 https:// 开头）';
  if (url?.host === new URL(SAMPLE_SITE_URL).host)
    return `网站地址还是示例网址 ${SAMPLE_SITE_URL}，海报和联系卡上的二维码、网址都会指向这个不存在的网站。${fix}`;
  if (url?.protocol !== 'https:')
    return `网站地址 ${siteUrl.trim()} 不是以 https:// 开头，二维码打开的网页不安全，很多手机会拦截。${fix}`;
  return undefined;
}

/** A reminder (not an error) on content/settings/site.yml while the address is not ready. */
export function siteUrlProblems(settings: readonly ValidEntry[]): Problem[] {
  return settings.flatMap(({ entry, data }) => {
    const siteUrl = (data as { siteUrl?: unknown }).siteUrl;
    const message = typeof siteUrl === 'string' ? siteUrlWarning(siteUrl) : undefined;
    if (!message) return [];
    const line = entry.lineOf(['siteUrl']);
    return [
      warning(entry.file, message, {
        field: '网站地址（siteUrl）',
        ...(line === undefined ? {} : { line }),
      }),
    ];
  });
}
