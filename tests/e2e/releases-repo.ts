import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/run-build.ts';

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
}

/**
 * A throwaway clone of this project's last commit (or RELEASES_TEST_COMMIT) on branch main, as the
 * server's repository.
 */
export function cloneSite(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  execFileSync('git', ['clone', '--quiet', '--no-checkout', repoRoot, dir]);
  git(dir, 'checkout', '--quiet', '-B', 'main', process.env.RELEASES_TEST_COMMIT ?? 'HEAD');
  git(dir, 'config', 'user.name', '张书记');
  git(dir, 'config', 'user.email', 'zhang@example.cn');
  return dir;
}

/** Commits a notice to main as the CMS would; `date` may be made invalid to break the build. */
export function commitNotice(dir: string, id: string, title: string, date = '2026-11-28'): string {
  const file = `content/notices/${id}.md`;
  writeFileSync(
    join(dir, file),
    `---\ntitle: ${title}\ndate: ${date}\nsummary: ${title}的摘要。\n---\n\n${title}的正文。\n`,
  );
  git(dir, 'add', file);
  git(dir, 'commit', '--quiet', '-m', `发布：${title}`);
  return git(dir, 'rev-parse', 'HEAD');
}
