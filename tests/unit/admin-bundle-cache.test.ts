import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminBundleKey, findAdminBundle, MANIFEST } from '../../src/lib/admin-bundle-cache.ts';

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
});
