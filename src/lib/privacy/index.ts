/** Personal information guard: finds residents' ID, mobile and bank card numbers before publishing. */
export { digitsOf, toHalfWidth } from './full-width.ts';
export { luhn } from './luhn.ts';
export { idCardCheckDigit, isValidIdCard, maskIdCard } from './id-card.ts';
export { maskMobile, mobileDigits } from './mobile.ts';
export { isValidBankCard, maskBankCard } from './bank-card.ts';
export { findPersonalData } from './find-personal-data.ts';
export type { FindPersonalDataOptions, Finding, PersonalDataKind } from './find-personal-data.ts';
