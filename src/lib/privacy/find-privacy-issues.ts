import { findPersonalData, lineFinder, type PersonalDataKind } from './find-personal-data.ts';
import {
  findResidentDetails,
  type ResidentDetailKind,
  type ResidentDetailOptions,
} from './find-resident-details.ts';

export type PrivacyKind = PersonalDataKind | ResidentDetailKind;

/** One piece of personal information in a text, said so that a secretary can fix it. */
export interface PrivacyFinding {
  kind: PrivacyKind;
  severity: 'error' | 'warning';
  match: string;
  index: number;
  /** 1-based line of `match`. */
  line: number;
  masked: string;
  message: string;
}

export interface PrivacyOptions extends ResidentDetailOptions {
  /** Published phones (cadres, the branch office). */
  allowedPhones?: Iterable<string>;
}

/**
 * Everything the privacy guard looks for in one text: ID, mobile and bank card numbers (errors),
 * home addresses, names next to health or hardship, WeChat, QQ and licence plates. The same
 * function runs in `npm run check`, at save time and in the CMS as the secretary types.
 */
export function findPrivacyIssues(text: string, options: PrivacyOptions = {}): PrivacyFinding[] {
  const lineOf = lineFinder(text);
  const numbers = findPersonalData(text, { allowedPhones: options.allowedPhones ?? [] }).map(
    (f): PrivacyFinding => ({ ...f, severity: 'error' }),
  );
  // Digits already reported as a number are not reported again (a QQ number that is a mobile).
  const details = findResidentDetails(text, options)
    .filter(
      (d) =>
        !numbers.some(
          (n) => d.index < n.index + n.match.length && n.index < d.index + d.match.length,
        ),
    )
    .map((d): PrivacyFinding => ({ ...d, line: lineOf(d.index) }));
  return [...numbers, ...details].sort((a, b) => a.index - b.index);
}
