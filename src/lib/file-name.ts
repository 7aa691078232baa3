/**
 * What an entry's file name may be: it becomes part of the page's address. Two rules, on purpose:
 * the build accepts any lower-case letters, digits and hyphens starting with a letter or digit
 * (files written by hand such as `2026-03-15-` keep building), while the CMS asks a secretary for
 * words joined by single hyphens (zhuti-dangri).
 */
const ENTRY_FILE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The 网址名 a secretary may type in the CMS: zhuti-dangri, not -zhuti or zhuti--dangri. */
export const URL_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const URL_NAME_MESSAGE = '“网址名”只能用小写英文字母、数字和连字符，例如 zhuti-dangri';

/** Whether an entry's file name (without extension) can be built into an address. */
export function isEntryFileName(id: string): boolean {
  return ENTRY_FILE_NAME.test(id);
}
