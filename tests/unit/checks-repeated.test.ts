import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '@/checks/run-checks';
import { contentCopy } from '../support/content-copy';
import { repoRoot } from '../support/run-build';

/**
 * The publishing server's build process checks the same folder on every publish and reuses what it
 * found in files that did not change: each run must still report exactly what the files say now.
 */
const REPORT = 'reports/2026-01-10-zoufang.md';
const report = (body: string, date = '2026-01-10') =>
  `---\ntitle: 走访报告\ndate: ${date}\nsummary: 走访情况。\nkind: 联系群众\n---\n\n${body}\n`;

function checker(dir: string) {
  return () =>
    runChecks(repoRoot, '2026-11-28', { contentDir: dir, publicDir: join(dir, 'no-public') })
      .problems;
}

describe('checking the same folder again', () => {
  it('reports a file as it is now: a mobile number added, then removed', () => {
    const dir = contentCopy({ [REPORT]: report('走访了十二人次。') }, { prefix: 'repeat-' });
    const check = checker(dir);
    const clean = check();
    expect(check()).toEqual(clean);

    writeFileSync(join(dir, REPORT), report('走访了十二人次，联系人电话 13812345678。'));
    const found = check();
    expect(found.filter((p) => p.field === '个人信息保护')).toEqual([
      expect.objectContaining({ severity: 'error', line: 8 }),
    ]);
    expect(check()).toEqual(found);

    writeFileSync(join(dir, REPORT), report('走访了十二人次。'));
    expect(check()).toEqual(clean);
  });

  it('stops reporting a number once a cadre publishes it, though the report did not change', () => {
    const dir = contentCopy(
      { [REPORT]: report('有事请找王某某，电话 13812345678。') },
      { prefix: 'repeat-' },
    );
    const check = checker(dir);
    expect(check().some((p) => p.field === '个人信息保护' && p.file.endsWith(REPORT))).toBe(true);

    writeFileSync(
      join(dir, 'contacts/wang.md'),
      '---\nname: 王某某\nrole: 组织委员\nduties: 组织工作\nphone: "13812345678"\n---\n',
    );
    expect(check().filter((p) => p.field === '个人信息保护')).toEqual([]);
  });

  it('gives a wrong field its line on every run, and forgets it once it is fixed', () => {
    const dir = contentCopy(
      { [REPORT]: report('走访了十二人次。', '2026-13-45') },
      {
        prefix: 'repeat-',
      },
    );
    const check = checker(dir);
    const first = check().filter((p) => p.file.endsWith(REPORT) && p.severity === 'error');
    expect(first).toEqual([
      expect.objectContaining({ line: 3, field: expect.stringContaining('date') }),
    ]);
    expect(check().filter((p) => p.file.endsWith(REPORT) && p.severity === 'error')).toEqual(first);

    writeFileSync(join(dir, REPORT), report('走访了十二人次。'));
    expect(check().filter((p) => p.severity === 'error')).toEqual([]);
  });
});
