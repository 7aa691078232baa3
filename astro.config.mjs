// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { parse } from 'yaml';
import { contentCheck } from './src/integrations/content-check.ts';
import { contentDir } from './src/lib/content-dir.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The public address from the site settings, so canonical URLs and QR codes are absolute. */
function siteUrl() {
  try {
    const settings = parse(readFileSync(join(contentDir(root), 'settings/site.yml'), 'utf8'));
    return typeof settings?.siteUrl === 'string' ? settings.siteUrl : undefined;
  } catch {
    return undefined;
  }
}

export default defineConfig({
  site: process.env.SITE_URL ?? siteUrl(),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [contentCheck(), mdx()],
  devToolbar: { enabled: false },
});
