import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MINIMAL_CONTENT } from '../support/content-copy';
import { repoRoot, runBuild } from '../support/run-build';

/**
 * Builds share Astro's content store (node_modules/.astro). An entry whose text did not change is
 * kept as stored, with the path of the copy it was first read from: a build must still find each
 * article's Markdown in its own content folder, even once that other copy is gone.
 */
const work = mkdtempSync(join(tmpdir(), 'shared-store-'));
const outDirs = [1, 2].map((n) => join(repoRoot, `tests/.output/shared-store-${n}`));

afterAll(() => {
  for (const dir of [work, ...outDirs]) rmSync(dir, { recursive: true, force: true });
});

function contentCopy(name: string): string {
  const dir = join(work, name);
  cpSync(MINIMAL_CONTENT, dir, { recursive: true });
  return dir;
}

describe(
  'a content store written from another copy of the same files',
  { timeout: 300_000 },
  () => {
    it('builds from its own content folder after the other copy was removed', async () => {
      const first = contentCopy('first');
      const second = contentCopy('second');
      const before = await runBuild({ contentDir: first, outDir: outDirs[0]! });
      expect(before.code, before.output).toBe(0);
      rmSync(first, { recursive: true, force: true });

      const after = await runBuild({ contentDir: second, outDir: outDirs[1]! });
      expect(after.output).not.toContain('ENOENT');
      expect(after.code, after.output).toBe(0);
      expect(
        readFileSync(join(outDirs[1]!, 'reports/2026-01-10-zoufang/index.html'), 'utf8'),
      ).toContain('走访了十二人次');
    });
  },
);
