import type { StudyIssue } from '../schemas/study.ts';
import { dateMonthMismatch, implausibleDate } from '../lib/typed-date.ts';
import { warning, type Problem } from './problem.ts';
import type { ValidEntry } from './collection-rules.ts';

/**
 * Dates that parse but look mistyped (a year such as 1906 from a date typed digit by digit, or a
 * 学习园地 issue dated outside its 月份): warnings, since the secretary may mean it.
 */
export function dateWarnings(entries: readonly ValidEntry[], today: string): Problem[] {
  const problems: Problem[] = [];
  for (const { entry, data } of entries) {
    const { date, month } = data as Partial<StudyIssue>;
    if (typeof date !== 'string') continue;
    const label = entry.collection === 'reports' ? '日期（date）' : '发布日期（date）';
    const line = entry.lineOf(['date']);
    const at = line === undefined ? {} : { line };
    const odd = implausibleDate(date, today);
    if (odd) problems.push(warning(entry.file, `日期 ${date}：${odd}`, { field: label, ...at }));
    if (entry.collection === 'study' && typeof month === 'string') {
      const mismatch = dateMonthMismatch(date, month);
      if (mismatch) problems.push(warning(entry.file, mismatch, { field: label, ...at }));
    }
  }
  return problems;
}
