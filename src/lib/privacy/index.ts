/**
 * Personal information guard: finds residents' ID, mobile and bank card numbers, home addresses,
 * names next to illness or hardship, WeChat, QQ and licence plates before publishing.
 */
export { digitsOf, toHalfWidth } from './full-width.ts';
export { luhn } from './luhn.ts';
export { idCardCheckDigit, isValidIdCard, maskIdCard } from './id-card.ts';
export { maskMobile, mobileDigits } from './mobile.ts';
export { isValidBankCard, maskBankCard } from './bank-card.ts';
export { findPersonalData } from './find-personal-data.ts';
export type { FindPersonalDataOptions, Finding, PersonalDataKind } from './find-personal-data.ts';
export { findResidentDetails, SEVERITY } from './find-resident-details.ts';
export type {
  ResidentDetail,
  ResidentDetailKind,
  ResidentDetailOptions,
} from './find-resident-details.ts';
export { findPrivacyIssues } from './find-privacy-issues.ts';
export type { PrivacyFinding, PrivacyKind, PrivacyOptions } from './find-privacy-issues.ts';
