export interface BoardNotice {
  date: string;
  pinned: boolean;
  expires?: string | undefined;
}

/** A notice stays on the board up to and including its 截止日期. */
export function isOnBoard(notice: BoardNotice, today: string): boolean {
  return notice.expires === undefined || notice.expires >= today;
}

/** The notices the board shows today: pinned first, then the rest, newest first. */
export function noticeBoard<T extends BoardNotice>(notices: readonly T[], today: string) {
  const current = notices
    .filter((notice) => isOnBoard(notice, today))
    .sort((a, b) => b.date.localeCompare(a.date));
  return {
    pinned: current.filter((notice) => notice.pinned),
    current: current.filter((notice) => !notice.pinned),
  };
}
