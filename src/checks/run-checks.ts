import type { Notice } from '../schemas/notices.ts';
import type { StudyIssue } from '../schemas/study.ts';
import { today as todayInChina } from '../lib/today.ts';
import { expiredPinnedNotices, uniqueIssueNumbers, type ValidEntry } from './collection-rules.ts';
import type { Problem } from './problem.ts';
import { readAllEntries } from './read-entries.ts';
import { validateEntry } from './validate-entry.ts';

export interface CheckResult {
  problems: Problem[];
  entryCount: number;
}

/** Validates everything under `root/content` without building the site. */
export function runChecks(root: string, today = todayInChina()): CheckResult {
  const { entries, problems } = readAllEntries(root);
  const valid = new Map<string, ValidEntry[]>();
  for (const entry of entries) {
    const result = validateEntry(entry);
    problems.push(...result.problems);
    if (result.data !== undefined) {
      valid.set(entry.collection, [
        ...(valid.get(entry.collection) ?? []),
        { entry, data: result.data },
      ]);
    }
  }
  problems.push(...uniqueIssueNumbers((valid.get('study') ?? []) as ValidEntry<StudyIssue>[]));
  problems.push(
    ...expiredPinnedNotices((valid.get('notices') ?? []) as ValidEntry<Notice>[], today),
  );
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { problems, entryCount: entries.length };
}
