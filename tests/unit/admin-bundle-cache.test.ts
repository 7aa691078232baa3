import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  adminBundleKey,
  findAdminBundle,
  MANIFEST,
  pruneAdminBundles,
} from '../../src/lib/admin-bundle-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'admin-bundle-'));
const cache = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function store(inputs: string[], recipe: string): string {
  const key = adminBundleKey(root, inputs, recipe);
  mkdirSync(join(cache, key), { recursive: true });
  writeFileSync(
    join(cache, key, MANIFEST),
    JSON.stringify({ key, inputs, entry: 'cms-1.js', css: [] }),
  );
  return key;
}

describe('the admin bundle cache', () => {
  mkdirSync(join(root, 'admin'));
  writeFileSync(join(root, 'admin/cms.ts'), "import './a.ts';");
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');

  it('finds the bundle while its sources, the lockfile and the recipe are unchanged', () => {
    const key = store(['admin/cms.ts'], 'vite 8');
    expect(findAdminBundle(cache, root, 'vite 8')?.manifest.key).toBe(key);
    expect(findAdminBundle(cache, root, 'vite 9')).toBeUndefined();
  });

  it('misses when a source file or the lockfile changes', () => {
    writeFileSync(join(root, 'admin/cms.ts'), "import './b.ts';");
    expect(findAdminBundle(cache, root, 'vite 8')).toBeUndefined();
    store(['admin/cms.ts'], 'vite 8');
    expect(findAdminBundle(cache, root, 'vite 8')).toBeDefined();
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(findAdminBundle(cache, root, 'vite 8')).toBeUndefined();
  });

  it('ignores a folder without a manifest (a write that did not finish)', () => {
    mkdirSync(join(cache, 'f'.repeat(64)));
    expect(findAdminBundle(cache, root, 'other')).toBeUndefined();
  });

  it('keeps the two newest bundles and the one in use, and drops old unfinished writes', () => {
    const names = ['a', 'b', 'c', 'd'].map((letter) => letter.repeat(64));
    names.forEach((name, age) => {
      mkdirSync(join(cache, name), { recursive: true });
      utimesSync(join(cache, name), new Date(), new Date(Date.now() - (age + 2) * 3_600_000));
    });
    mkdirSync(join(cache, 'tmp-1-1'));
    utimesSync(join(cache, 'tmp-1-1'), new Date(), new Date(Date.now() - 2 * 3_600_000));
    mkdirSync(join(cache, 'tmp-2-2'));
    pruneAdminBundles(cache, join(cache, names[3]!));
    const left = readdirSync(cache);
    expect(left).toEqual(expect.arrayContaining([names[3], 'tmp-2-2']));
    expect(left).not.toContain('tmp-1-1');
    // The earlier tests' bundles are the newest; the four old ones go, except the one in use.
    for (const name of names.slice(0, 3)) expect(left).not.toContain(name);
  });
});
