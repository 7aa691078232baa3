import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '@/checks/problem';
import { runChecks } from '@/checks/run-checks';
import { contentCopy } from '../support/content-copy';
import { repoRoot } from '../support/run-build';

function checkStudy(month: string, date: string): Problem[] {
  const dir = contentCopy(
    {
      'study/2099-01.md': `---\ntitle: 学习\nissue: 99\nmonth: "${month}"\ndate: ${date}\nsummary: 摘要\n---\n\n## 一\n\n正文\n`,
    },
    { prefix: 'dates-' },
  );
  return runChecks(repoRoot, '2026-11-30', {
    contentDir: dir,
    publicDir: join(dir, 'no-public'),
  }).problems.filter((p) => p.file.endsWith('study/2099-01.md'));
}

describe('date warnings in npm run check', () => {
  it('warns about a 发布日期 typed into 1906, naming the field and line', () => {
    expect(checkStudy('1906-12', '1906-12-01')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: '发布日期（date）',
        line: 5,
        message: expect.stringContaining('1906 年太早了'),
      }),
    ]);
  });
  it('warns when 发布日期 does not agree with 月份', () => {
    expect(checkStudy('2026-03', '2026-12-01').map((p) => [p.severity, p.message])).toEqual([
      ['warning', expect.stringContaining('和月份 2026-03 对不上')],
    ]);
  });
  it('says nothing about a date in its month', () => {
    expect(checkStudy('2026-12', '2026-11-28')).toEqual([]);
  });
});
