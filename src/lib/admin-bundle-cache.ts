import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a cached admin bundle holds, saved beside its files. */
export interface AdminBundleManifest {
  /** The key it was stored under: see adminBundleKey. */
  key: string;
  /** Project files the bundle was made from, relative to the project folder. */
  inputs: string[];
  /** The entry script and its stylesheets, relative to the bundle's folder. */
  entry: string;
  css: string[];
}

export const MANIFEST = 'admin-bundle.json';

const hashFile = (path: string) => {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return 'missing';
  }
};

/**
 * The hash a bundle is stored under: every project file it was made from, the lockfile (the
 * packages it bundles) and `recipe` (how it is bundled). Any change to one of them misses.
 */
export function adminBundleKey(root: string, inputs: readonly string[], recipe: string): string {
  const hash = createHash('sha256');
  hash.update(`${recipe}\n`);
  hash.update(`package-lock.json ${hashFile(join(root, 'package-lock.json'))}\n`);
  for (const input of [...inputs].sort()) hash.update(`${input} ${hashFile(join(root, input))}\n`);
  return hash.digest('hex');
}

/** The cached bundle that still matches its sources, if any (newest first). */
export function findAdminBundle(
  cacheDir: string,
  root: string,
  recipe: string,
): { dir: string; manifest: AdminBundleManifest } | undefined {
  if (!existsSync(cacheDir)) return undefined;
  const candidates = readdirSync(cacheDir)
    .filter((name) => /^[0-9a-f]{64}$/.test(name))
    .map((name) => join(cacheDir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const dir of candidates) {
    const manifest = readAdminManifest(dir);
    if (
      manifest &&
      manifest.key === adminBundleKey(root, manifest.inputs, recipe) &&
      dir.endsWith(manifest.key)
    )
      return { dir, manifest };
  }
  return undefined;
}

/** The manifest in a bundle's folder; undefined for a folder without a readable one. */
export function readAdminManifest(dir: string): AdminBundleManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as AdminBundleManifest;
    return typeof manifest.key === 'string' &&
      typeof manifest.entry === 'string' &&
      Array.isArray(manifest.inputs) &&
      Array.isArray(manifest.css)
      ? manifest
      : undefined;
  } catch {
    // An unfinished write: not a bundle.
    return undefined;
  }
}

const HOUR = 3_600_000;

/**
 * Removes bundles beyond the `keep` newest and unfinished writes (a killed build), if an hour old:
 * a build running meanwhile may still be copying an older bundle or writing a newer one.
 */
export function pruneAdminBundles(
  cacheDir: string,
  current: string,
  keep = 2,
  now = Date.now(),
): void {
  if (!existsSync(cacheDir)) return;
  const bundles = readdirSync(cacheDir)
    .filter((name) => /^[0-9a-f]{64}$/.test(name))
    .map((name) => ({ path: join(cacheDir, name), time: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { path, time } of bundles.slice(keep))
    if (path !== current && now - time > HOUR) rmSync(path, { recursive: true, force: true });
  for (const name of readdirSync(cacheDir))
    if (name.startsWith('tmp-') && now - statSync(join(cacheDir, name)).mtimeMs > HOUR)
      rmSync(join(cacheDir, name), { recursive: true, force: true });
}
