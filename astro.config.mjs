// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { parse } from 'yaml';
import { adminBundleCache } from './src/integrations/admin-bundle.ts';
import { cmsLocalBackend } from './src/integrations/cms-local-backend.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { contentStoreFile } from './src/integrations/content-store-file.ts';
import { contactRecords, pagefindSearch } from './src/integrations/pagefind.ts';
import { pictureVariants } from './src/integrations/pictures.ts';
import { reusePages } from './src/integrations/reuse-pages.ts';
import { siteConfigModule } from './src/integrations/site-config.ts';
import { siteConfig } from './src/lib/site-config.ts';
import { isReadingPage } from './src/lib/routes.ts';
import { cspConfig } from './src/security/csp.ts';
import { safeMarkdown } from './src/security/markdown.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The environment is read here, once; everything below gets what it needs passed in. */
const site = siteConfig(root, process.env);
/** vitest loads this config (getViteConfig) to resolve imports: no checks, no CMS backend there. */
const underVitest = Boolean(process.env.VITEST);
/** The publishing server's builds: incremental, in a build folder with a cache of its own. */
const incremental = process.env.SITE_INCREMENTAL_BUILD === '1';
/**
 * The content checks read every entry before the build; the search index takes the cadres from them.
 * @type {import('./src/checks/run-checks.ts').CheckResult | undefined}
 */
let checked;

/** The sitemap lists pages for reading, not the CMS, the print sheets or the 公众号 versions. */
const publicPage = (/** @type {string} */ page) => isReadingPage(new URL(page).pathname);

/** The public address from the site settings, so canonical URLs and QR codes are absolute. */
function siteUrl() {
  try {
    const settings = parse(readFileSync(join(site.contentDir, 'settings/site.yml'), 'utf8'));
    return typeof settings?.siteUrl === 'string' ? settings.siteUrl : undefined;
  } catch {
    return undefined;
  }
}

export default defineConfig({
  site: process.env.SITE_URL ?? siteUrl(),
  publicDir: site.publicDir,
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // Stylesheets as cached files: smaller pages, and no style hashes in every page's CSP.
    inlineStylesheets: 'never',
    // Render several pages at once: while one page's file is written or its 公众号 cover is drawn
    // (on sharp's threads), the next is rendered. On 2 000 entries 4 cut page generation from
    // 10.0 s to 6.8 s, and 8 rather than 4 a further 32 s to 28 s with the 公众号 versions.
    concurrency: 8,
  },
  integrations: [
    siteConfigModule(site),
    contentCheck({ site, enabled: !underVitest, onChecked: (result) => (checked = result) }),
    cmsLocalBackend({ site, enabled: !underVitest, git: process.env.CMS_LOCAL_MODE === 'git' }),
    adminBundleCache(),
    contentStoreFile(),
    pictureVariants(),
    reusePages({ enabled: incremental, from: process.env.SITE_REUSE_PAGES_FROM }),
    sitemap({ filter: publicPage }),
    // Last: when its hook starts every other file of the site is written (pages-written.ts).
    pagefindSearch({ contacts: () => contactRecords(checked?.valid.get('contacts')) }),
  ],
  // Loopback only: the dev server carries the CMS's local backend, which writes files.
  server: { host: '127.0.0.1' },
  devToolbar: { enabled: false },
  // Shiki colours code with style="" attributes, which the CSP and the sanitiser both refuse.
  markdown: { processor: safeMarkdown({ publicDir: site.publicDir }), syntaxHighlight: false },
  security: { csp: cspConfig },
  experimental: {
    // Pages whose cacheKey (src/lib/page-cache-key.ts) and code are unchanged are reused from the
    // last build: copied from Astro's cache, or already linked in from the last release
    // (reuse-pages.ts). Only for a build folder with a cache of its own (the publishing server's):
    // two builds of different content sharing node_modules/.astro would hand each other's pages on.
    incrementalBuild: incremental,
  },
});
