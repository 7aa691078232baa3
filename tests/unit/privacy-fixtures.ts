/**
 * Test data for the privacy guard, computed here independently of src/lib/privacy so that the
 * tests do not rely on memorised numbers nor on the code under test.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643-1999 check character for 17 digits. */
export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return '10X98765432'.charAt(sum % 11);
}

/** A valid 18-digit ID: area (6) + birth date YYYYMMDD + sequence (3) + computed check char. */
export function makeId(area: string, birth: string, sequence: string): string {
  const first17 = `${area}${birth}${sequence}`;
  if (!/^\d{17}$/.test(first17)) throw new Error(`bad ID parts: ${first17}`);
  return first17 + checkChar(first17);
}

/** Searches sequence numbers until the check char is X (about one in eleven). */
export function makeIdEndingInX(area: string, birth: string): string {
  for (let seq = 0; seq < 1000; seq += 1) {
    const id = makeId(area, birth, String(seq).padStart(3, '0'));
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X check char found');
}

/** Luhn sum as written in the textbook: double every second digit from the right. */
function luhnSum(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((ch, i) => {
    const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum;
}

export function passesLuhn(digits: string): boolean {
  return luhnSum(digits) % 10 === 0;
}

/** Appends the Luhn check digit to `body` (15–18 digits → a 16–19 digit card number). */
export function makeCard(body: string): string {
  for (let d = 0; d <= 9; d += 1) {
    if (passesLuhn(body + String(d))) return body + String(d);
  }
  throw new Error('unreachable');
}

/** The same 17 digits with a wrong check char that also fails Luhn (so it is neither ID nor card). */
export function makeIdWithWrongCheck(area: string, birth: string, sequence: string): string {
  const first17 = `${area}${birth}${sequence}`;
  const right = checkChar(first17);
  for (const c of '0123456789') {
    if (c !== right && !passesLuhn(first17 + c)) return first17 + c;
  }
  throw new Error('unreachable');
}

/** Same number with the last digit changed so that Luhn fails. */
export function breakLuhn(card: string): string {
  const last = Number(card.slice(-1));
  return card.slice(0, -1) + String((last + 1) % 10);
}

/** ASCII digits, +, - and X written full-width as a Chinese input method does: 138 → １３８. */
export function fullWidth(text: string): string {
  return text.replace(/[0-9+\-X]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** Groups digits in fours: 6222021234567890 → 6222 0212 3456 7890. */
export function group4(digits: string, separator = ' '): string {
  return (digits.match(/.{1,4}/g) ?? []).join(separator);
}
