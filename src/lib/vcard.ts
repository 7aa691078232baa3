import { phoneDigits } from './phone.ts';

export interface VCardInput {
  name: string;
  org: string;
  title?: string | undefined;
  phone: string;
  note?: string | undefined;
  url?: string | undefined;
}

/** Two-character surnames common enough to matter when a phone sorts contacts by family name. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '西门',
  '南宫',
];

/** 张建国 → { family: 张, given: 建国 }; 欧阳晓 → { family: 欧阳, given: 晓 }. */
export function splitChineseName(name: string): { family: string; given: string } {
  const trimmed = name.trim();
  if (!/^[\u3400-\u9fff·]{2,}$/u.test(trimmed)) return { family: trimmed, given: '' };
  const family = COMPOUND_SURNAMES.find((s) => trimmed.startsWith(s) && trimmed.length > 2);
  const cut = family ? family.length : 1;
  return { family: trimmed.slice(0, cut), given: trimmed.slice(cut) };
}

/** Escapes a TEXT value (RFC 6350 §3.4): backslash, comma, semicolon, newline. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 6350 §3.2) without splitting a UTF-8 character, so a
 * Chinese name survives phones that unfold strictly.
 */
export function foldLine(line: string, limit = 75): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts against the limit.
    const max = parts.length === 0 ? limit : limit - 1;
    if (bytes + size > max) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * A vCard 3.0 (the version every phone imports), UTF-8, CRLF line ends. The number is dialled as
 * written on the card, digits only, as the site's `tel:` links are.
 */
export function buildVCard(input: VCardInput): string {
  const { family, given } = splitChineseName(input.name);
  const mobile = /^1\d{10}$/.test(phoneDigits(input.phone));
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${escapeText(family)};${escapeText(given)};;;`,
    `FN:${escapeText(input.name.trim())}`,
    `ORG:${escapeText(input.org)}`,
    ...(input.title ? [`TITLE:${escapeText(input.title)}`] : []),
    `TEL;TYPE=${mobile ? 'CELL' : 'WORK,VOICE'}:${phoneDigits(input.phone)}`,
    ...(input.note ? [`NOTE:${escapeText(input.note)}`] : []),
    ...(input.url ? [`URL:${input.url}`] : []),
    'END:VCARD',
  ];
  return lines.map((line) => foldLine(line)).join('\r\n') + '\r\n';
}
