import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, yearOf } from '@/lib/format-date';
import { dateToIso, isIsoDate, isIsoMonth } from '@/lib/iso-date';
import { today } from '@/lib/today';

describe('formatDate', () => {
  it('writes dates the Chinese way without zero padding', () => {
    expect(formatDate('2026-03-15')).toBe('2026年3月15日');
    expect(formatDate('2026-10-01')).toBe('2026年10月1日');
  });
  it('does not shift a date across midnight in any time zone', () => {
    expect(formatDate('2026-01-01')).toBe('2026年1月1日');
    expect(formatDate('2026-12-31')).toBe('2026年12月31日');
  });
  it('writes months and years', () => {
    expect(formatMonth('2026-05')).toBe('2026年5月');
    expect(yearOf('2025-12-31')).toBe(2025);
  });
});

describe('strict ISO dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-45')).toBe(false);
    expect(isIsoDate('2026-3-5')).toBe(false);
    expect(isIsoDate('2026年3月5日')).toBe(false);
  });
  it('accepts YYYY-MM months', () => {
    expect(isIsoMonth('2026-03')).toBe(true);
    expect(isIsoMonth('2026-13')).toBe(false);
    expect(isIsoMonth('2026-00')).toBe(false);
  });
  it('gives back a YAML date as written', () => {
    expect(dateToIso(new Date(Date.UTC(2026, 2, 15)))).toBe('2026-03-15');
  });
});

describe('today', () => {
  it('is the date in China (UTC+8)', () => {
    expect(today(new Date('2026-03-14T16:30:00Z'), '')).toBe('2026-03-15');
    expect(today(new Date('2026-03-14T15:30:00Z'), '')).toBe('2026-03-14');
  });
  it('can be pinned for a reproducible build', () => {
    expect(today(new Date(), '2030-01-01')).toBe('2030-01-01');
  });
});
