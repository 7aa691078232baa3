import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectCodeKey } from '../../src/server/releases/build-release.ts';

const repo = mkdtempSync(join(tmpdir(), 'code-key-'));
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

/** Commits the files and returns the new commit's code key. */
async function commit(files: Record<string, string>): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  git('add', '.');
  git('-c', 'user.name=测试', '-c', 'user.email=t@example.cn', 'commit', '--quiet', '-m', '改动');
  return projectCodeKey(repo, git('rev-parse', 'HEAD'));
}

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the code key of a commit (when a kept build process may build it)', () => {
  it('stays the same when only content or uploaded pictures change', async () => {
    git('init', '--quiet', '-b', 'main');
    const first = await commit({
      'astro.config.mjs': 'export default {};\n',
      'src/pages/index.astro': '<h1>首页</h1>\n',
      'content/notices/a.md': '---\ntitle: 通知\n---\n',
    });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await commit({ 'content/notices/a.md': '---\ntitle: 新通知\n---\n' })).toBe(first);
    expect(await commit({ 'content/reports/b.md': '---\ntitle: 报告\n---\n' })).toBe(first);
    expect(await commit({ 'public/uploads/a.png': 'png' })).toBe(first);
  });

  it('changes with any other file: code, configuration, packages, static files', async () => {
    const before = await projectCodeKey(repo, 'HEAD');
    const code = await commit({ 'src/integrations/x.ts': 'export const x = 1;\n' });
    expect(code).not.toBe(before);
    const config = await commit({
      'astro.config.mjs': 'export default { site: "https://a.cn" };\n',
    });
    expect(config).not.toBe(code);
    const lock = await commit({ 'package-lock.json': '{}\n' });
    expect(lock).not.toBe(config);
    // A folder whose name only starts like the content folder is code.
    expect(await commit({ 'contents.ts': 'export {};\n' })).not.toBe(lock);
  });

  it('says which commit it could not read', async () => {
    await expect(projectCodeKey(repo, 'f'.repeat(40))).rejects.toThrow(
      /读取提交 fffffff 的文件列表失败/,
    );
  });
});
