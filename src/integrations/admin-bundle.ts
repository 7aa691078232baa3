import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import {
  findAdminBundle,
  MANIFEST,
  pruneAdminBundles,
  readAdminManifest,
  type AdminBundleManifest,
} from '../lib/admin-bundle-cache.ts';
import { BASE, recipe } from './admin-bundle-build.ts';

const LOADER = '\0admin-cms-loader';

/** The bundler's last lines, shown when it fails. */
const SHOWN_LINES = 30;

/**
 * Runs admin-bundle-process.ts in a Node process of its own, which bundles the CMS into `outDir`.
 * The site's build goes on meanwhile on the other core; the bundler's memory (a few hundred MB)
 * is the system's again when that process ends.
 */
export function bundleInOwnProcess(root: string, outDir: string): Promise<AdminBundleManifest> {
  const script = fileURLToPath(new URL('./admin-bundle-process.ts', import.meta.url));
  // Node 22.18 and later read TypeScript by themselves; 22.12–22.17 need the flag.
  const flags = process.features.typescript ? [] : ['--experimental-strip-types'];
  const child = spawn(process.execPath, [...flags, script, root, outDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A build that ends early (a failed content check) does not leave the bundler running.
  const stop = () => child.kill();
  process.once('exit', stop);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => reject(new Error(`管理后台（Decap CMS）打包失败：${reason}`));
    child.on('error', (error) => {
      process.off('exit', stop);
      fail(`无法启动打包进程（${error.message}）`);
    });
    child.on('close', (code, signal) => {
      process.off('exit', stop);
      const manifest = code === 0 ? readAdminManifest(outDir) : undefined;
      if (manifest) return resolve(manifest);
      const tail = output.trim().split('\n').slice(-SHOWN_LINES).join('\n');
      fail(
        `${signal ? `打包进程被终止（${signal}）` : `打包进程退出码 ${code}`}\n${tail || '（没有输出）'}`,
      );
    });
  });
}

type AdminBundle = { dir: string; manifest: AdminBundleManifest };

/**
 * The cached bundle for the current sources (`how`: see recipe), made first in a process of its
 * own if there is none. Returns at once; the bundle is ready when the promise is.
 */
function adminBundle(
  root: string,
  cacheDir: string,
  how: string,
  log: (line: string) => void,
): Promise<AdminBundle> {
  const found = findAdminBundle(cacheDir, root, how);
  if (found) {
    log(`管理后台：沿用已打包的 Decap CMS（${found.manifest.key.slice(0, 12)}）`);
    return Promise.resolve(found);
  }
  const started = performance.now();
  const tmp = join(cacheDir, `tmp-${process.pid}-${Date.now()}`);
  mkdirSync(cacheDir, { recursive: true });
  log('管理后台：正在另一个进程里打包 Decap CMS…');
  return bundleInOwnProcess(root, tmp).then(
    (manifest) => {
      const dir = join(cacheDir, manifest.key);
      // Another build may have stored the same bundle meanwhile: either copy is the same.
      if (existsSync(dir)) rmSync(tmp, { recursive: true, force: true });
      else renameSync(tmp, dir);
      pruneAdminBundles(cacheDir, dir);
      log(`管理后台：Decap CMS 已重新打包（${Math.round(performance.now() - started)} 毫秒）`);
      return { dir, manifest };
    },
    (error: unknown) => {
      rmSync(tmp, { recursive: true, force: true });
      throw error;
    },
  );
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
  let bundle: Promise<AdminBundle> | undefined;
  return {
    name: 'admin-bundle-cache',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root).replace(/\/$/, '');
        const cacheDir = join(fileURLToPath(config.cacheDir), 'admin-bundle');
        // Bundled while the content is checked and synced; the admin page waits for it.
        const pending = adminBundle(root, cacheDir, await recipe(), (line) => logger.info(line));
        // Its failure is reported where it is awaited, not as an unhandled rejection first.
        pending.catch(() => {});
        bundle = pending;
        const plugin: Plugin = {
          name: 'admin-bundle-loader',
          enforce: 'pre',
          resolveId(source, importer) {
            const fromAdminPage = importer?.includes('/src/pages/admin/index.astro');
            return fromAdminPage && source.endsWith('/admin/cms.ts') ? LOADER : null;
          },
          async load(id) {
            return id === LOADER ? loaderCode((await pending).manifest) : null;
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': async ({ dir }) => {
        if (!bundle) return;
        const { dir: from } = await bundle;
        const to = join(fileURLToPath(dir), BASE);
        mkdirSync(to, { recursive: true });
        cpSync(from, to, { recursive: true, filter: (source) => !source.endsWith(MANIFEST) });
      },
    },
  };
}
