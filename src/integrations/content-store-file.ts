import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's module for the content store, as its content plugin resolves it. */
const STORE_MODULE = '\0astro:data-layer-content';
/** The store Astro's content sync writes into the cache folder before a build bundles the pages. */
const STORE_FILE = 'data-store.json';
/** Each build's copy of the store, in the cache folder. */
const SNAPSHOTS = 'data-store-builds';
/** A copy this old belongs to a build that ended without cleaning up. */
const STALE_MS = 3 * 3600_000;

/**
 * Where the running build's copy of the store is, for its pages' code. The module's code names
 * no file, so it is the same on every build and Astro's incremental build still finds every
 * page's code unchanged.
 */
const COPY_KEY = 'dangzhibu.content-store-copy';

/** The store module's code: the store, read when the pages' code is loaded (empty without one). */
export const STORE_MODULE_CODE = [
  `import { readFileSync } from 'node:fs';`,
  `const file = globalThis[Symbol.for(${JSON.stringify(COPY_KEY)})];`,
  `export default file ? JSON.parse(readFileSync(file, 'utf8')) : new Map();`,
].join('\n');

function setCopy(file: string | undefined): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(COPY_KEY)] = file;
}

function removeStale(folder: string): void {
  if (!existsSync(folder)) return;
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
  }
}

/**
 * In a build, the pages' server code reads the content store from a file instead of carrying
 * it. Astro inlines the whole store (every article's HTML: 18 MB at 2 000 entries) into the
 * server bundle as one string, which Vite then parses and writes on every build; at 2 000 entries
 * that bundle takes 2.4–3.1 s, without the store 0.5 s.
 *
 * At the moment Astro would have inlined it, the store is copied to a file of this build's own
 * (builds from other content folders may share the cache folder and rewrite the store meanwhile),
 * and the copy is removed when the build ends. The pages are rendered in the same process right
 * after the bundle, so the file is there. Not in the dev server, which watches the store itself.
 */
export function contentStoreFile(): AstroIntegration {
  const copies: string[] = [];
  return {
    name: 'content-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const store = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        const folder = fileURLToPath(new URL(`${SNAPSHOTS}/`, config.cacheDir));
        removeStale(folder);
        const snapshot = (): string => {
          if (existsSync(store)) {
            mkdirSync(folder, { recursive: true });
            const copy = join(folder, `${process.pid}-${Date.now()}-${copies.length}.json`);
            copyFileSync(store, copy);
            copies.push(copy);
            setCopy(copy);
          } else setCopy(undefined);
          return STORE_MODULE_CODE;
        };
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-store-file',
                load: {
                  // Before Astro's content plugin, which would inline the store.
                  order: 'pre',
                  handler: (id) => (id === STORE_MODULE ? snapshot() : undefined),
                },
              },
            ],
          },
        });
      },
      'astro:build:done': () => {
        for (const copy of copies.splice(0)) rmSync(copy, { force: true });
        setCopy(undefined);
      },
    },
  };
}
