import { createHash } from 'node:crypto';
import type { APIContext, AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/**
 * The Content-Security-Policy every page carries as `<meta http-equiv>`: Astro adds the hashes of
 * its own scripts and styles, so no inline script from content can run. Pagefind needs
 * 'wasm-unsafe-eval' (its WebAssembly) and blob: workers. README.md shows the nginx headers that add
 * what a <meta> cannot carry (frame-ancestors).
 */
export const cspConfig: CspConfig = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
    "manifest-src 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
};

/**
 * The CMS at /admin/ is Decap: it compiles its config schema with `new Function` (ajv) and styles
 * itself with injected <style> elements (emotion), and talks to the git host's API and shows
 * images from it. Only that page gets these allowances (call this from its frontmatter with
 * `Astro.csp`; Astro's CSP API works only while a page renders, not in middleware); the page is not
 * indexed and only editors use it.
 */
export function relaxForCms(csp: APIContext['csp']): void {
  if (!csp) return;
  csp.insertScriptResource("'unsafe-eval'");
  csp.insertStyleResource("'unsafe-inline'");
  csp.insertDirective("img-src 'self' data: blob: https:");
  csp.insertDirective("connect-src 'self' https:");
}

/**
 * The 公众号版 (/…/wechat/) shows HTML whose styles are all inline, as WeChat requires. Only
 * those exact `style` values may apply ('unsafe-hashes' with the hash of each), so content still
 * cannot bring a style of its own; the article's images are shown from the site's public address.
 */
export function allowWechatArticle(
  csp: APIContext['csp'],
  styles: Iterable<string>,
  imageOrigin?: string,
): void {
  if (!csp) return;
  const hashes = new Set<string>();
  for (const style of styles) hashes.add(createHash('sha256').update(style).digest('base64'));
  if (hashes.size > 0) {
    csp.insertStyleResource("'unsafe-hashes'");
    for (const hash of hashes) csp.insertStyleHash(`sha256-${hash}`);
  }
  if (imageOrigin) csp.insertDirective(`img-src 'self' data: ${imageOrigin}`);
}
