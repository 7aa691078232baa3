import { describe, expect, it } from 'vitest';
import { groupByYear } from '@/lib/group-by-year';
import { NEWEST_ON_BOARD, isOnBoard, noticeBoard } from '@/lib/notice-board';

const notice = (date: string, extra: { pinned?: boolean; expires?: string } = {}) => ({
  date,
  pinned: extra.pinned ?? false,
  expires: extra.expires,
});

describe('noticeBoard', () => {
  it('keeps a notice on the board through its last day', () => {
    expect(isOnBoard(notice('2026-09-01', { expires: '2026-09-30' }), '2026-09-30')).toBe(true);
    expect(isOnBoard(notice('2026-09-01', { expires: '2026-09-30' }), '2026-10-01')).toBe(false);
    expect(isOnBoard(notice('2020-01-01'), '2030-01-01')).toBe(true);
  });
  it('puts pinned notices first and leaves expired ones off', () => {
    const board = noticeBoard(
      [
        notice('2026-10-01'),
        notice('2026-09-01', { pinned: true }),
        notice('2026-11-01'),
        notice('2026-08-01', { expires: '2026-08-31' }),
        notice('2026-07-01', { pinned: true, expires: '2026-07-31' }),
      ],
      '2026-11-28',
    );
    expect(board.pinned.map((n) => n.date)).toEqual(['2026-09-01']);
    expect(board.current.map((n) => n.date)).toEqual(['2026-11-01', '2026-10-01']);
    expect(board.more).toBe(0);
  });
  it('lists every pinned notice but only the newest others, counting the rest', () => {
    const days = Array.from({ length: 20 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    const board = noticeBoard(
      [
        ...days.map((date) => notice(date)),
        notice('2020-01-01', { pinned: true }),
        notice('2020-02-01', { pinned: true }),
        notice('2026-10-25', { expires: '2026-10-31' }),
      ],
      '2026-11-28',
    );
    expect(board.pinned.map((n) => n.date)).toEqual(['2020-02-01', '2020-01-01']);
    expect(board.current.map((n) => n.date)).toEqual(days.reverse().slice(0, NEWEST_ON_BOARD));
    expect(board.more).toBe(20 - NEWEST_ON_BOARD);
  });
});

describe('groupByYear', () => {
  it('groups newest year first with newest items first', () => {
    const groups = groupByYear(['2025-03-01', '2026-01-05', '2026-11-01', '2024-12-31'], (d) => d);
    expect(groups).toEqual([
      { year: 2026, items: ['2026-11-01', '2026-01-05'] },
      { year: 2025, items: ['2025-03-01'] },
      { year: 2024, items: ['2024-12-31'] },
    ]);
  });
  it('gives nothing for nothing', () => {
    expect(groupByYear([], (d: string) => d)).toEqual([]);
  });
});
