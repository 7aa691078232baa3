import { isIsoDate } from './iso-date.ts';

/**
 * A date as a Chinese user types it, year first: 2026-3-15, 2026/03/15, 2026.3.15, 2026年3月15日,
 * 20260315, with full-width digits too. Returns YYYY-MM-DD, or undefined while it is not (yet) a
 * real date.
 */
export function parseTypedDate(typed: string): string | undefined {
  const text = typed
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30))
    .trim();
  const parts =
    /^(\d{4})\s*[-/.年－／．]\s*(\d{1,2})\s*[-/.月－／．]\s*(\d{1,2})\s*日?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!parts) return undefined;
  const [, y = '', m = '', d = ''] = parts;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * Why a publication date looks mistyped, or undefined when it looks right: before 2000 (a year
 * typed short, such as 1906) or more than a year after `today`.
 */
export function implausibleDate(iso: string, today: string): string | undefined {
  if (iso < '2000-01-01') return `${iso.slice(0, 4)} 年太早了，是不是年份打错了？`;
  if (daysBetween(today, iso) > 366) return `${iso.slice(0, 4)} 年还没到，是不是年份打错了？`;
  return undefined;
}

/**
 * Why a 学习园地 issue's 发布日期 does not fit its 月份, or undefined when it does: the date should
 * fall in that month or the month before it (an issue is often put up a few days early).
 */
export function dateMonthMismatch(date: string, month: string): string | undefined {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const dateMonth = date.slice(0, 7);
  if (dateMonth === month || dateMonth === previous) return undefined;
  return `发布日期 ${date} 和月份 ${month} 对不上：这一期是 ${y} 年 ${m} 月的学习园地，发布日期一般在这个月或上个月底，请检查是否填错`;
}
