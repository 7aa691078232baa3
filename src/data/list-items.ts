import { formatMonth } from '@/lib/format-date';
import { isOnBoard } from '@/lib/notice-board';
import { entryPath } from '@/lib/routes';
import { ui } from '@/ui/strings';
import type { NoticeEntry, ReportEntry, StudyEntry } from './content';

/** What a list shows of any entry. */
export interface ListItem {
  href: string;
  title: string;
  date: string;
  summary?: string | undefined;
  badges: { text: string; muted?: boolean }[];
}

export function studyItem({ id, data }: StudyEntry): ListItem {
  return {
    href: entryPath('study', id),
    title: data.title,
    date: data.date,
    summary: data.summary,
    badges: [{ text: ui.issueNumber(data.issue) }, { text: formatMonth(data.month), muted: true }],
  };
}

export function reportItem({ id, data }: ReportEntry): ListItem {
  return {
    href: entryPath('reports', id),
    title: data.title,
    date: data.date,
    summary: data.summary,
    badges: [{ text: data.kind }],
  };
}

export function noticeItem({ id, data }: NoticeEntry, today: string): ListItem {
  const badges: ListItem['badges'] = [];
  const onBoard = isOnBoard(data, today);
  if (data.pinned && onBoard) badges.push({ text: ui.pinned });
  if (!onBoard) badges.push({ text: ui.expired, muted: true });
  return {
    href: entryPath('notices', id),
    title: data.title,
    date: data.date,
    summary: data.summary,
    badges,
  };
}
