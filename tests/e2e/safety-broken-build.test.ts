import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild, type BuildResult } from '../support/run-build';

const broken = join(repoRoot, 'tests/fixtures/broken');
const work = mkdtempSync(join(tmpdir(), 'broken-site-'));
const outDir = join(repoRoot, 'tests/.output/broken-site');
let result: BuildResult;

beforeAll(async () => {
  cpSync(join(repoRoot, 'tests/fixtures/minimal-content'), work, { recursive: true });
  for (const name of ['yaml-syntax', 'wrong-types', 'empty-file', 'mdx-file', 'dead-links'])
    cpSync(join(broken, name, 'content'), work, { recursive: true, force: true });
  writeFileSync(
    join(work, 'study/2026-03.md'),
    '---\ntitle: 第三期\nissue: 1\nmonth: "2026-03"\ndate: 2026-13-45\nsummary: 摘要。\n---\n\n## 要点\n\n内容。\n',
  );
  writeFileSync(
    join(work, 'notices/2026-02-03-changwen.md'),
    `---\ntitle: 长文\ndate: 2026-02-03\n---\n\n${'很长的正文。\n'.repeat(100_000)}`,
  );
  result = await runBuild({ contentDir: work, outDir });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('a build over broken content', () => {
  it('stops before Astro reads any entry', () => {
    expect(result.code).not.toBe(0);
    expect(result.output).not.toMatch(/Syncing content|generating static routes/);
  });

  it('names every broken file with a Chinese message a secretary can act on', () => {
    const expected: [RegExp, RegExp][] = [
      [/notices\/2026-02-01-tingshui\.md 第 2 行/, /YAML 格式错误：引号或括号没有配对/],
      [/study\/2026-02\.md 第 3 行/, /“期号”应为大于 0 的整数/],
      [/reports\/2026-02-10-kong\.md/, /文件是空的/],
      [/notices\/2026-02-01-tingshui\.mdx/, /不支持 \.mdx 文件/],
      [/study\/2026-03\.md 第 5 行/, /不是有效日期：“2026-13-45”/],
      [/notices\/2026-02-03-changwen\.md/, /文件太大/],
      [/reports\/2026-02-10-lianjie\.md 第 10 行/, /指向的学习园地“2099-01”不存在/],
    ];
    for (const [where, what] of expected) {
      expect(result.output).toMatch(where);
      expect(result.output).toMatch(what);
    }
    expect(result.output).toMatch(/内容检查：共 \d+ 个条目，\d+ 个错误/);
  });

  it('shows no stack trace', () => {
    expect(result.output).not.toMatch(/^\s+at .+(?::\d+:\d+\)?|\(native\))$/m);
    expect(result.output).not.toMatch(/Stack trace|node:internal|node_modules\//);
  });

  it('writes nothing', () => {
    expect(() => rmSync(join(outDir, 'index.html'))).toThrow();
  });
});
