import type { StudyIssue } from '../schemas/study.ts';
import { lineOf, sharedValues, type ValidEntry } from './collection-rules.ts';
import { error, type Problem } from './problem.ts';

/**
 * 学习园地 comes out once a month: a second issue for a month that already has one is an error
 * (the CMS would otherwise save it quietly as 2026-12-1.md next to 2026-12.md).
 */
export function uniqueMonths(study: readonly ValidEntry<StudyIssue>[]): Problem[] {
  return sharedValues(study, (data) => data.month).map(({ value: month, item, others }) =>
    error(
      item.entry.file,
      `月份 ${month} 已经有一期学习园地：${others.map((other) => `第 ${other.data.issue} 期（${other.entry.file}）`).join('、')}。每月一期：请修改那一期，或把这里的“月份”改成别的月份`,
      { field: '月份（month）', ...lineOf(item.entry, 'month') },
    ),
  );
}
