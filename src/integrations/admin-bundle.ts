import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import {
  adminBundleKey,
  findAdminBundle,
  MANIFEST,
  pruneAdminBundles,
  type AdminBundleManifest,
} from '../lib/admin-bundle-cache.ts';

/** Where the bundle is served from; its file names carry content hashes. */
const BASE = '/_astro/admin/';
const ENTRY = 'admin/cms.ts';
const LOADER = '\0admin-cms-loader';

/** How the bundle is made: this file and the Vite version (a change in either rebuilds it). */
async function recipe(): Promise<string> {
  const { version } = await import('vite');
  return `${readFileSync(fileURLToPath(import.meta.url), 'utf8')}\nvite ${version}`;
}

/** Bundles the CMS (Decap and the project's admin code) with Vite, alone, into `outDir`. */
async function bundleAdmin(
  root: string,
  outDir: string,
  how: string,
): Promise<AdminBundleManifest> {
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
  if (!entry) throw new Error('管理后台打包失败：没有生成入口文件');
  const manifest = {
    key: adminBundleKey(root, [...inputs], how),
    inputs: [...inputs].sort(),
    entry,
    css,
  };
  writeFileSync(join(outDir, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** The cached bundle for the current sources, made first if there is none. */
async function adminBundle(
  root: string,
  cacheDir: string,
  log: (line: string) => void,
): Promise<{ dir: string; manifest: AdminBundleManifest }> {
  const how = await recipe();
  const found = findAdminBundle(cacheDir, root, how);
  if (found) {
    log(`管理后台：沿用已打包的 Decap CMS（${found.manifest.key.slice(0, 12)}）`);
    return found;
  }
  const started = performance.now();
  const tmp = join(cacheDir, `tmp-${process.pid}-${Date.now()}`);
  mkdirSync(cacheDir, { recursive: true });
  const manifest = await bundleAdmin(root, tmp, how);
  const dir = join(cacheDir, manifest.key);
  // Another build may have stored the same bundle meanwhile: either copy is the same.
  if (existsSync(dir)) rmSync(tmp, { recursive: true, force: true });
  else renameSync(tmp, dir);
  pruneAdminBundles(cacheDir, dir);
  log(`管理后台：Decap CMS 已重新打包（${Math.round(performance.now() - started)} 毫秒）`);
  return { dir, manifest };
}

/**
 * What the page's own script becomes: it loads the cached bundle's stylesheets, then its script
 * (as an element, not import(): Vite would wrap that in a preload helper an inlined script lacks).
 */
function loaderCode(manifest: AdminBundleManifest): string {
  const css = manifest.css.map((file) => BASE + file);
  return `const css = ${JSON.stringify(css)};
Promise.all(css.map((href) => new Promise((done) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.onload = link.onerror = done;
  document.head.append(link);
}))).then(() => {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = ${JSON.stringify(BASE + manifest.entry)};
  document.head.append(script);
});
`;
}

/**
 * A site build does not bundle the CMS: /admin/ loads a bundle made only when the admin's sources
 * or the lockfile change (kept in node_modules/.astro/admin-bundle, copied into every build). In
 * the dev server Vite serves /admin/ itself.
 */
export function adminBundleCache(): AstroIntegration {
  let bundle: { dir: string; manifest: AdminBundleManifest } | undefined;
  return {
    name: 'admin-bundle-cache',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root).replace(/\/$/, '');
        const cacheDir = join(fileURLToPath(config.cacheDir), 'admin-bundle');
        const found = await adminBundle(root, cacheDir, (line) => logger.info(line));
        bundle = found;
        const plugin: Plugin = {
          name: 'admin-bundle-loader',
          enforce: 'pre',
          resolveId(source, importer) {
            const fromAdminPage = importer?.includes('/src/pages/admin/index.astro');
            return fromAdminPage && source.endsWith('/admin/cms.ts') ? LOADER : null;
          },
          load(id) {
            return id === LOADER ? loaderCode(found.manifest) : null;
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': ({ dir }) => {
        if (!bundle) return;
        const to = join(fileURLToPath(dir), BASE);
        mkdirSync(to, { recursive: true });
        cpSync(bundle.dir, to, { recursive: true, filter: (source) => !source.endsWith(MANIFEST) });
      },
    },
  };
}
