import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminBundleKey, MANIFEST, type AdminBundleManifest } from '../lib/admin-bundle-cache.ts';

/** Where the bundle is served from; its file names carry content hashes. */
export const BASE = '/_astro/admin/';
const ENTRY = 'admin/cms.ts';

/** How the bundle is made: this file and the Vite version (a change in either rebuilds it). */
export async function recipe(): Promise<string> {
  const { version } = await import('vite');
  return `${readFileSync(fileURLToPath(import.meta.url), 'utf8')}\nvite ${version}`;
}

/**
 * Bundles the CMS (Decap and the project's admin code) with Vite, alone, into `outDir`, and
 * writes its manifest there. Run in a process of its own (admin-bundle-process.ts): the bundler's
 * memory goes back to the system when that process ends, not held through the site's build.
 */
export async function bundleAdmin(root: string, outDir: string): Promise<AdminBundleManifest> {
  const how = await recipe();
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root,
    mode: 'production',
    base: BASE,
    publicDir: false,
    // Its own dependency cache: the site's build and dev server keep theirs untouched.
    cacheDir: join(outDir, '..', 'vite'),
    logLevel: 'warn',
    resolve: { alias: { '@': join(root, 'src') } },
    build: {
      outDir,
      emptyOutDir: true,
      assetsDir: '',
      copyPublicDir: false,
      rollupOptions: { input: join(root, ENTRY) },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output : [],
  );
  const inputs = new Set<string>();
  let entry = '';
  const css: string[] = [];
  for (const item of outputs) {
    if (item.type !== 'chunk') continue;
    for (const id of item.moduleIds) {
      const path = id.split('?')[0]!;
      if (path.startsWith(root + sep) && !path.includes(`${sep}node_modules${sep}`))
        inputs.add(relative(root, path));
    }
    if (item.isEntry) {
      entry = item.fileName;
      const imported = (item as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata;
      css.push(...(imported?.importedCss ?? []));
    }
  }
  if (!entry) throw new Error('没有生成入口文件');
  const manifest = {
    key: adminBundleKey(root, [...inputs], how),
    inputs: [...inputs].sort(),
    entry,
    css,
  };
  writeFileSync(join(outDir, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}
