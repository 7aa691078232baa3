import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleInOwnProcess } from '../../src/integrations/admin-bundle.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project folder holding only an admin entry with `code`. */
function project(code: string): string {
  const root = mkdtempSync(join(tmpdir(), 'admin-bundle-process-'));
  roots.push(root);
  mkdirSync(join(root, 'admin'));
  writeFileSync(join(root, 'admin/cms.ts'), code);
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  return root;
}

describe('bundling the CMS in a process of its own', { timeout: 120_000 }, () => {
  it('writes the bundle and hands back its manifest', async () => {
    const root = project("const greeting: string = '你好';\ndocument.title = greeting;\n");
    const outDir = join(root, 'cache/tmp-1');
    const manifest = await bundleInOwnProcess(root, outDir);
    expect(manifest.inputs).toEqual(['admin/cms.ts']);
    expect(manifest.key).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.entry).toMatch(/^cms-[\w-]+\.js$/);
    expect(existsSync(join(outDir, manifest.entry))).toBe(true);
  });

  it('fails with the reason in Chinese and the bundler’s own message', async () => {
    const root = project("import { missing } from './nowhere.ts';\nconsole.log(missing);\n");
    const failed = bundleInOwnProcess(root, join(root, 'cache/tmp-2'));
    await expect(failed).rejects.toThrow(/管理后台（Decap CMS）打包失败：打包进程退出码 1/);
    await expect(failed).rejects.toThrow(/nowhere/);
  });
});
