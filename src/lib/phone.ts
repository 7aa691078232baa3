/** Written forms accepted for a phone: an 11-digit mainland mobile or a landline with area code. */
export const PHONE_PATTERN = /^(?:1[3-9]\d(?:[ -]?\d{4}){2}|0\d{2,3}[ -]?\d{7,8})$/;

export const PHONE_HINT = '11 位手机号（如 13812345678）或带区号的固定电话（如 0310-1234567）';

/**
 * A phone written without quotes reaches the schema as a YAML number. An 11-digit mobile survives
 * that exactly (13912345678 is what the secretary wrote), so it is taken as that text; a landline
 * has lost its leading 0 (03103016601 → 3103016601) and stays refused.
 */
export function phoneFromYamlNumber(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return value;
  const text = String(value);
  return /^1[3-9]\d{9}$/.test(text) ? text : value;
}

/** Digits only: what a `tel:` link and comparisons need. */
export function phoneDigits(phone: string): string {
  return phone.replace(/[^\d]/g, '');
}

/** `tel:` link target for a mainland number. */
export function telHref(phone: string): string {
  return `tel:${phoneDigits(phone)}`;
}

/** Groups a number for reading aloud or on paper: 138 1234 5678, 0310-1234567. */
export function formatPhone(phone: string): string {
  const digits = phoneDigits(phone);
  if (/^1\d{10}$/.test(digits))
    return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  const landline = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/.exec(digits);
  if (landline) return `${landline[1]}-${landline[2]}`;
  return phone.trim();
}
