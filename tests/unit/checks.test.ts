import { describe, expect, it } from 'vitest';
import { formatProblems } from '@/checks/format-problems';
import { runChecks } from '@/checks/run-checks';
import { contentCopy } from '../support/content-copy';
import { repoRoot } from '../support/run-build';

/** A copy of the minimal fixture with some files replaced, checked as a site would be. */
function checkWith(files: Record<string, string>) {
  return runChecks(repoRoot, '2026-11-28', { contentDir: contentCopy(files) });
}

describe('the repository’s sample content', () => {
  it('passes every check', () => {
    const { problems, entryCount } = runChecks(repoRoot, '2026-11-28');
    expect(formatProblems(problems.filter((p) => p.severity === 'error'))).toBe('');
    expect(entryCount).toBeGreaterThan(20);
  });
});

describe('content checks', () => {
  it('pass the minimal fixture', () => {
    expect(checkWith({}).problems).toEqual([]);
  });

  it('name the file, line and field of a bad 期号', () => {
    const { problems } = checkWith({
      'study/2026-01.md':
        '---\ntitle: 第一期\nissue: 0\nmonth: "2026-01"\ndate: 2026-01-01\nsummary: 摘要\n---\n\n正文\n',
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/study\/2026-01\.md$/),
        line: 3,
        field: '期号（issue）',
        message: '期号必须是大于 0 的整数',
        severity: 'error',
      }),
    ]);
  });

  it('find a 期号 used twice', () => {
    const { problems } = checkWith({
      'study/2026-02.md':
        '---\ntitle: 第二期\nissue: 1\nmonth: "2026-02"\ndate: 2026-02-01\nsummary: 摘要\n---\n\n正文\n',
    });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('期号 1 重复'),
      expect.stringContaining('期号 1 重复'),
    ]);
  });

  it('reject a date that does not exist', () => {
    const { problems } = checkWith({
      'notices/2026-01-05-tongzhi.md': '---\ntitle: 通知\ndate: 2026-13-45\n---\n\n正文\n',
    });
    expect(problems[0]?.message).toContain('不是有效日期：“2026-13-45”');
    expect(problems[0]?.line).toBe(3);
  });

  it('explain a YAML syntax error in Chinese with its line', () => {
    const { problems } = checkWith({
      'notices/2026-01-05-tongzhi.md': '---\ntitle: 通知\ndate: [2026\n---\n正文\n',
    });
    expect(problems[0]?.message).toMatch(/^YAML 格式错误/);
    expect(problems[0]?.file).toMatch(/notices\/2026-01-05-tongzhi\.md$/);
  });

  it('handle an empty file, a BOM and CRLF line ends', () => {
    const { problems } = checkWith({
      'notices/2026-01-05-tongzhi.md': '',
      'reports/2026-01-10-zoufang.md':
        '\uFEFF---\r\ntitle: 走访\r\ndate: 2026-01-10\r\nsummary: 摘要\r\nkind: 联系群众\r\n---\r\n\r\n正文\r\n',
    });
    expect(problems.map((p) => p.message)).toEqual(['文件是空的：请填写内容，或删除这个文件']);
  });

  it('catch a misspelt field and a Chinese file name', () => {
    const { problems } = checkWith({
      '/contacts/张三.md':
        '---\nname: 张三\nrole: 委员\nduties: 宣传\nphone: "13900000002"\nphoen: "1"\n---\n',
    });
    expect(problems.map((p) => p.message).sort()).toEqual([
      expect.stringContaining('不认识的字段“phoen”'),
      expect.stringContaining('只能用小写英文字母、数字和连字符'),
    ]);
  });

  it('warn, without failing, about a pinned notice past its 截止日期', () => {
    const { problems } = checkWith({
      'notices/2026-01-05-tongzhi.md':
        '---\ntitle: 通知\ndate: 2026-01-05\npinned: true\nexpires: 2026-02-01\n---\n\n正文\n',
    });
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', field: '截止日期（expires）' }),
    ]);
  });
});
