import { isValidBankCard, maskBankCard } from './bank-card.ts';
import { digitsOf, toHalfWidth } from './full-width.ts';
import { isValidIdCard, maskIdCard } from './id-card.ts';
import { maskMobile, mobileDigits } from './mobile.ts';

/** What kind of personal number was found. */
export type PersonalDataKind = 'id-card' | 'mobile' | 'bank-card';

/** One unmasked personal number in a text, said so that a secretary can fix it. */
export interface Finding {
  kind: PersonalDataKind;
  /** The number exactly as written in the text (full-width digits, spaces, +86 included). */
  match: string;
  /** Offset of `match` in the original text (UTF-16 units, as `String.prototype.indexOf`). */
  index: number;
  /** 1-based line of `match`. */
  line: number;
  /** The masked form to write instead, e.g. 138****5678. */
  masked: string;
  /** Chinese explanation naming the number and its masked form. */
  message: string;
}

export interface FindPersonalDataOptions {
  /**
   * Published phones that may appear (cadres' numbers from content/contacts and content/settings).
   * Compared by digits only, so `138 1234 5678`, `+86 13812345678` and `13812345678` are the same.
   */
  allowedPhones: Iterable<string>;
}

interface Candidate {
  kind: PersonalDataKind;
  index: number;
  end: number;
  /** false for an allowed phone: it still occupies its digits but is not reported. */
  report: boolean;
  masked: string;
}

// Every pattern runs on the half-width copy of the text, which has the same offsets.
// Numbers must stand alone: no digit (nor "digit.") just before, no digit (nor ".digit") just
// after, so parts of longer numbers and amounts such as 13358.67 do not count.
const BEFORE = String.raw`(?<!\d\.?)`;
const AFTER = String.raw`(?!\.?\d)`;

/** 18-digit ID, optionally grouped 6-8-4 with one kind of separator. */
const ID_18 = new RegExp(String.raw`${BEFORE}\d{6}([ -]?)\d{8}\1\d{3}[\dXx]${AFTER}`, 'g');
/** Old 15-digit ID. */
const ID_15 = new RegExp(String.raw`${BEFORE}\d{15}${AFTER}`, 'g');
/** Mainland mobile, optionally +86/86 and grouped 3-4-4 with one kind of separator. */
const MOBILE = new RegExp(
  String.raw`${BEFORE}(?:\+?86[ -]?)?1[3-9]\d([ -]?)\d{4}\1\d{4}${AFTER}`,
  'g',
);
/** 16–19 digits in one run. */
const BANK_PLAIN = new RegExp(String.raw`${BEFORE}\d{16,19}${AFTER}`, 'g');
/**
 * 16–19 digits in groups of 4 (the last group may be 1–3 digits). A zero-width lookahead, so every
 * start position is tried: a number before the card ("2026 6222 …") cannot swallow its first
 * groups. Group 1 is the 16-digit reading, group 3 the optional 1–3 digit tail.
 */
const BANK_GROUPED = new RegExp(
  String.raw`${BEFORE}(?=(\d{4}([ -])\d{4}\2\d{4}\2\d{4})((?:\2\d{1,3})?)${AFTER})`,
  'g',
);

const LABELS: Record<PersonalDataKind, string> = {
  'id-card': '身份证号',
  mobile: '手机号',
  'bank-card': '银行卡号',
};

/** Lower runs first: an ID wins over a bank card on the same digits. */
const PRIORITY: Record<PersonalDataKind, number> = { 'id-card': 0, mobile: 1, 'bank-card': 2 };

function* matchesOf(pattern: RegExp, text: string): Generator<{ index: number; text: string }> {
  for (const m of text.matchAll(pattern)) yield { index: m.index, text: m[0] };
}

// A site checks every file against the same list of published phones: build its set once.
const allowedSets = new WeakMap<object, Set<string>>();

/** 11-digit national numbers of the allowed phones; other numbers (landlines) are kept as digits. */
function allowedDigits(phones: Iterable<string>): Set<string> {
  const key = typeof phones === 'object' ? phones : undefined;
  const cached = key && allowedSets.get(key);
  if (cached) return cached;
  const set = new Set<string>();
  for (const phone of phones) {
    const digits = digitsOf(phone);
    if (digits !== '') set.add(mobileDigits(phone) ?? digits);
  }
  if (key) allowedSets.set(key, set);
  return set;
}

function candidates(normal: string, allowed: ReadonlySet<string>): Candidate[] {
  const found: Candidate[] = [];
  const add = (
    kind: PersonalDataKind,
    m: { index: number; text: string },
    masked: string,
    report = true,
  ) => found.push({ kind, index: m.index, end: m.index + m.text.length, report, masked });

  for (const pattern of [ID_18, ID_15]) {
    for (const m of matchesOf(pattern, normal)) {
      const id = m.text.replace(/[ -]/g, '');
      if (isValidIdCard(id)) add('id-card', m, maskIdCard(id));
    }
  }
  for (const m of matchesOf(MOBILE, normal)) {
    const national = mobileDigits(m.text);
    if (national !== undefined) add('mobile', m, maskMobile(national), !allowed.has(national));
  }
  for (const m of matchesOf(BANK_PLAIN, normal)) {
    if (isValidBankCard(m.text)) add('bank-card', m, maskBankCard(m.text));
  }
  for (const m of normal.matchAll(BANK_GROUPED)) {
    const base = m[1] ?? '';
    const tail = m[3] ?? '';
    // "6222 … 7890 123 人" may be a 19-digit card or a 16-digit card followed by another number.
    const written = [base + tail, base].find((card) => isValidBankCard(card));
    if (written !== undefined)
      add('bank-card', { index: m.index, text: written }, maskBankCard(written));
  }
  return found;
}

/** 1-based line numbers by offset, for many look-ups in one text. */
export function lineFinder(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Finds unmasked resident ID numbers (18-digit with valid check character, old 15-digit),
 * mainland mobile numbers not in `allowedPhones`, and Luhn-valid bank card numbers in `text`.
 * Full-width digits are recognised; masked forms (138****5678, 110101********1234,
 * 6222 **** **** 1234) pass. Findings are ordered by position; digits taken by an ID are never
 * reported again as a bank card.
 */
export function findPersonalData(text: string, options: FindPersonalDataOptions): Finding[] {
  const normal = toHalfWidth(text);
  const allowed = allowedDigits(options.allowedPhones);
  const taken: Candidate[] = [];
  const sorted = candidates(normal, allowed).sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.index - b.index || b.end - a.end,
  );
  for (const candidate of sorted) {
    if (taken.some((t) => candidate.index < t.end && t.index < candidate.end)) continue;
    taken.push(candidate);
  }
  const lineOf = lineFinder(text);
  return taken
    .filter((c) => c.report)
    .sort((a, b) => a.index - b.index)
    .map((c): Finding => {
      const match = text.slice(c.index, c.end);
      return {
        kind: c.kind,
        match,
        index: c.index,
        line: lineOf(c.index),
        masked: c.masked,
        message: `发现未打码的${LABELS[c.kind]} ${match}，请删除或写成 ${c.masked}`,
      };
    });
}
