export interface BoardNotice {
  date: string;
  pinned: boolean;
  expires?: string | undefined;
}

/**
 * How many notices that are not pinned the home page lists: a notice without a 截止日期 never
 * expires, so without a limit the board would grow with every notice ever published.
 */
export const NEWEST_ON_BOARD = 8;

/** A notice stays on the board up to and including its 截止日期. */
export function isOnBoard(notice: BoardNotice, today: string): boolean {
  return notice.expires === undefined || notice.expires >= today;
}

/**
 * The notices the board shows today: every pinned one first, then the newest others up to
 * `NEWEST_ON_BOARD`; `more` counts the older ones still on the board but not listed.
 */
export function noticeBoard<T extends BoardNotice>(notices: readonly T[], today: string) {
  const onBoard = notices
    .filter((notice) => isOnBoard(notice, today))
    .sort((a, b) => b.date.localeCompare(a.date));
  const others = onBoard.filter((notice) => !notice.pinned);
  return {
    pinned: onBoard.filter((notice) => notice.pinned),
    current: others.slice(0, NEWEST_ON_BOARD),
    more: Math.max(0, others.length - NEWEST_ON_BOARD),
  };
}
