import { describe, expect, it } from 'vitest';
import { dateMonthMismatch, implausibleDate, parseTypedDate } from '../../src/lib/typed-date.ts';

describe('parseTypedDate', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026-3-5', '2026-03-05'],
    ['2026/03/15', '2026-03-15'],
    ['2026.3.15', '2026-03-15'],
    ['2026年3月15日', '2026-03-15'],
    [' 2026 年 3 月 15 日 ', '2026-03-15'],
    ['20261201', '2026-12-01'],
    ['２０２６－１２－０１', '2026-12-01'],
  ])('reads %s as %s', (typed, iso) => expect(parseTypedDate(typed)).toBe(iso));

  it.each(['2', '20', '202', '2026', '2026-1', '2026-12-', '2026-02-30', '12/01/2026', '1906'])(
    'waits on %s (not a whole real date yet)',
    (typed) => expect(parseTypedDate(typed)).toBeUndefined(),
  );
});

describe('implausibleDate', () => {
  it('asks about years typed short or far ahead', () => {
    expect(implausibleDate('1906-12-01', '2026-11-30')).toContain('1906 年太早');
    expect(implausibleDate('2208-01-01', '2026-11-30')).toContain('还没到');
    expect(implausibleDate('2026-12-01', '2026-11-30')).toBeUndefined();
    expect(implausibleDate('2027-06-01', '2026-11-30')).toBeUndefined();
  });
});

describe('dateMonthMismatch', () => {
  it('accepts the month itself and the end of the month before', () => {
    expect(dateMonthMismatch('2026-03-01', '2026-03')).toBeUndefined();
    expect(dateMonthMismatch('2026-02-27', '2026-03')).toBeUndefined();
    expect(dateMonthMismatch('2025-12-30', '2026-01')).toBeUndefined();
  });
  it('says which month the issue is for when the date is elsewhere', () => {
    expect(dateMonthMismatch('2026-12-01', '2026-03')).toContain('2026 年 3 月的学习园地');
  });
});
