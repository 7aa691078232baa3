import type { Notice } from '../schemas/notices.ts';
import type { StudyIssue } from '../schemas/study.ts';
import { error, warning, type Problem } from './problem.ts';
import type { RawEntry } from './read-entries.ts';

export interface ValidEntry<T = unknown> {
  entry: RawEntry;
  data: T;
}

/** `{ line }` of a front matter key, when the file has it. */
export function lineOf(entry: RawEntry, key: string): { line?: number } {
  const line = entry.lineOf([key]);
  return line === undefined ? {} : { line };
}

/** Each entry that shares `keyOf` with another, with the value and the entries it shares it with. */
export function sharedValues<T, K>(
  items: readonly ValidEntry<T>[],
  keyOf: (data: T) => K,
): { value: K; item: ValidEntry<T>; others: ValidEntry<T>[] }[] {
  const groups = new Map<K, ValidEntry<T>[]>();
  for (const item of items)
    groups.set(keyOf(item.data), [...(groups.get(keyOf(item.data)) ?? []), item]);
  return [...groups].flatMap(([value, group]) =>
    group.length < 2
      ? []
      : group.map((item) => ({ value, item, others: group.filter((other) => other !== item) })),
  );
}

/** Every 学习园地 issue has its own 期号. */
export function uniqueIssueNumbers(study: ValidEntry<StudyIssue>[]): Problem[] {
  return sharedValues(study, (data) => data.issue).map(({ value: issue, item, others }) =>
    error(
      item.entry.file,
      `期号 ${issue} 重复：${others.map((other) => other.entry.file).join('、')} 也是第 ${issue} 期，请改成不同的期号`,
      { field: '期号（issue）', ...lineOf(item.entry, 'issue') },
    ),
  );
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
