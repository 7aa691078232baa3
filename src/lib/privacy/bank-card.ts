import { toHalfWidth } from './full-width.ts';
import { luhn } from './luhn.ts';

/**
 * True for a bank card number as written: 16–19 digits (spaces or hyphens between groups allowed,
 * full-width digits too) that pass the Luhn check.
 */
export function isValidBankCard(card: string): boolean {
  const value = toHalfWidth(card);
  if (!/^\d[\d -]*\d$/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 16 && digits.length <= 19 && luhn(digits);
}

/**
 * Masked form of a bank card: first 4 + stars + last 4 digits, keeping the spaces or hyphens
 * as written: `6222021234567890` → `6222********7890`, `6222 0212 3456 7890` → `6222 **** **** 7890`.
 */
export function maskBankCard(card: string): string {
  const value = toHalfWidth(card).trim();
  const total = value.replace(/\D/g, '').length;
  let seen = 0;
  return value.replace(/\d/g, (digit) => {
    seen += 1;
    return total > 8 && (seen <= 4 || seen > total - 4) ? digit : '*';
  });
}
