import { toHalfWidth } from './full-width.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * First two digits of a resident ID: the province-level area codes of GB/T 2260
 * (83 and 91 cover residence permits for Taiwan residents and foreigners).
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83 91'.split(
    ' ',
  ),
);

/** True for a real calendar date, leap years included. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * Check character of an 18-digit resident ID (GB 11643-1999) from its first 17 digits:
 * Σ digit × weight (7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2) mod 11 → '10X98765432'.
 * Returns undefined when `first17` is not exactly 17 ASCII digits.
 */
export function idCardCheckDigit(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += (first17.charCodeAt(i) - 48) * weight;
  });
  return CHECK_CHARS[sum % 11];
}

/**
 * True for a resident ID number without separators (full-width digits allowed):
 * 18 characters = known province code + 4 area digits, birth date YYYYMMDD (1900–2099),
 * 3 sequence digits and a correct check character (X or x); or the old 15-digit form =
 * province code + 4 area digits, birth date YYMMDD (19YY), 3 sequence digits.
 */
export function isValidIdCard(id: string): boolean {
  const value = toHalfWidth(id);
  const long = /^(\d{6})(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(value);
  if (long) {
    const [, area = '', year = '', month = '', day = ''] = long;
    const y = Number(year);
    return (
      PROVINCE_CODES.has(area.slice(0, 2)) &&
      y >= 1900 &&
      y <= 2099 &&
      isCalendarDate(y, Number(month), Number(day)) &&
      idCardCheckDigit(value.slice(0, 17)) === value.slice(17).toUpperCase()
    );
  }
  const old = /^(\d{6})(\d{2})(\d{2})(\d{2})\d{3}$/.exec(value);
  if (old) {
    const [, area = '', year = '', month = '', day = ''] = old;
    return (
      PROVINCE_CODES.has(area.slice(0, 2)) &&
      isCalendarDate(1900 + Number(year), Number(month), Number(day))
    );
  }
  return false;
}

/**
 * Masked form of an ID number: first 6 + stars + last 4, separators dropped and x upper-cased.
 * 18 digits → 110101********1234, 15 digits → 110101*****1234.
 */
export function maskIdCard(id: string): string {
  const value = toHalfWidth(id)
    .replace(/[^\dXx]/g, '')
    .toUpperCase();
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
