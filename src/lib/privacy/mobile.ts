import { digitsOf } from './full-width.ts';

/**
 * The 11-digit national number of a mainland mobile as written, or undefined when it is not one:
 * `+86 138-1234-5678` → `13812345678`. Full-width digits, spaces and hyphens are allowed.
 */
export function mobileDigits(phone: string): string | undefined {
  const digits = digitsOf(phone);
  const national = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  return /^1[3-9]\d{9}$/.test(national) ? national : undefined;
}

/**
 * Masked form of a mobile number: first 3 + **** + last 4 of the national number, without
 * separators or +86 prefix: `+86 138 1234 5678` → `138****5678`.
 */
export function maskMobile(phone: string): string {
  const digits = digitsOf(phone);
  const national = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  if (national.length <= 7) return '*'.repeat(national.length);
  return `${national.slice(0, 3)}${'*'.repeat(national.length - 7)}${national.slice(-4)}`;
}
