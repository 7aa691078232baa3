const longDate = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' });

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number?];
  return new Date(Date.UTC(y, m - 1, d ?? 1));
}

/** 2026-03-15 → 2026年3月15日 (no zero padding, as GB/T 9704 writes dates). */
export function formatDate(iso: string): string {
  return longDate.format(utcDate(iso));
}

/** 2026-03 → 2026年3月 */
export function formatMonth(isoMonth: string): string {
  const [y, m] = isoMonth.split('-').map(Number);
  return `${y}年${m}月`;
}

/** The year of a YYYY-MM-DD date. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
