import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentCopy } from '../support/content-copy';
import { repoRoot, runBuild } from '../support/run-build';

// The sample site was built once already (global setup), so the admin bundle is in the cache.
const outDir = join(repoRoot, `tests/.output/admin-bundle-${process.pid}`);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const jsIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(dir, name), 'utf8'));

describe('a content-only build', { timeout: 300_000 }, () => {
  it('does not bundle Decap CMS, and /admin/ loads the cached bundle', async () => {
    const notice = 'notices/2026-11-16-dongji-xiaofang-jiancha.md';
    const edited = readFileSync(join(repoRoot, 'content', notice), 'utf8').replace(
      '入冬以来',
      '进入十二月以来',
    );
    const content = contentCopy({ [notice]: edited }, { prefix: 'admin-bundle-content-' });
    const { code, output } = await runBuild({ outDir, contentDir: content });
    expect(code, output).toBe(0);
    expect(output).toContain('管理后台：沿用已打包的 Decap CMS');
    expect(output).not.toContain('Decap CMS 已重新打包');
    // The site's own scripts hold no CMS code; the cached bundle is copied beside them.
    expect(jsIn(join(outDir, '_astro')).filter((js) => js.includes('decap-cms-core'))).toEqual([]);
    expect(jsIn(join(outDir, '_astro/admin')).some((js) => js.includes('decap-cms-core'))).toBe(
      true,
    );
    const admin = readFileSync(join(outDir, 'admin/index.html'), 'utf8');
    const entry = /["'`](\/_astro\/admin\/cms-[\w-]+\.js)["'`]/.exec(admin)?.[1];
    expect(entry).toBeDefined();
    expect(readdirSync(join(outDir, '_astro/admin'))).toContain(entry!.split('/').at(-1));
    expect(
      readFileSync(join(outDir, 'notices/2026-11-16-dongji-xiaofang-jiancha/index.html'), 'utf8'),
    ).toContain('进入十二月以来');
  });
});
