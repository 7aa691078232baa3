import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { repoRoot } from './run-build';

/** The smallest valid content folder: one entry of each kind and the site settings. */
export const MINIMAL_CONTENT = join(repoRoot, 'tests/fixtures/minimal-content');

/**
 * A copy of the minimal content fixture to check or build instead of `content/`: the `overlays`
 * folders' files laid over it in turn, then `files` (path → text) added or replaced. Removed when
 * the calling test finishes.
 */
export function contentCopy(
  files: Record<string, string> = {},
  options: { overlays?: string[]; prefix?: string } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'content-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(MINIMAL_CONTENT, dir, { recursive: true });
  for (const overlay of options.overlays ?? []) cpSync(overlay, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
