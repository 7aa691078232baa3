import type { Notice } from '../schemas/notices.ts';
import type { StudyIssue } from '../schemas/study.ts';
import { error, warning, type Problem } from './problem.ts';
import type { RawEntry } from './read-entries.ts';

export interface ValidEntry<T = unknown> {
  entry: RawEntry;
  data: T;
}

function lineOf(entry: RawEntry, key: string): { line?: number } {
  const line = entry.lineOf([key]);
  return line === undefined ? {} : { line };
}

/** Every 学习园地 issue has its own 期号. */
export function uniqueIssueNumbers(study: ValidEntry<StudyIssue>[]): Problem[] {
  const byIssue = new Map<number, ValidEntry<StudyIssue>[]>();
  for (const item of study)
    byIssue.set(item.data.issue, [...(byIssue.get(item.data.issue) ?? []), item]);
  const problems: Problem[] = [];
  for (const [issue, items] of byIssue) {
    if (items.length < 2) continue;
    for (const item of items) {
      const others = items.filter((other) => other !== item).map((other) => other.entry.file);
      problems.push(
        error(
          item.entry.file,
          `期号 ${issue} 重复：${others.join('、')} 也是第 ${issue} 期，请改成不同的期号`,
          {
            field: '期号（issue）',
            ...lineOf(item.entry, 'issue'),
          },
        ),
      );
    }
  }
  return problems;
}

/** A pinned notice past its 截止日期 no longer shows on the board; the secretary should know. */
export function expiredPinnedNotices(notices: ValidEntry<Notice>[], today: string): Problem[] {
  return notices
    .filter(
      ({ data }) =>
        data.pinned && !data.draft && data.expires !== undefined && data.expires < today,
    )
    .map(({ entry, data }) =>
      warning(
        entry.file,
        `这条置顶通知已于 ${data.expires} 截止，不再显示在首页：如仍需要，请修改“截止日期”；否则可取消置顶`,
        {
          field: '截止日期（expires）',
          ...lineOf(entry, 'expires'),
        },
      ),
    );
}
