/**
 * Characters that people type with a Chinese input method in place of ASCII ones, mapped one to one.
 * Every entry is a single UTF-16 unit on both sides, so offsets in the converted text equal offsets
 * in the original.
 */
const HALF_WIDTH: ReadonlyMap<string, string> = new Map([
  ['\uFF0B', '+'], // ＋
  ['\uFF0D', '-'], // －
  ['\u2010', '-'], // ‐ hyphen
  ['\u2011', '-'], // ‑ non-breaking hyphen
  ['\u2013', '-'], // – en dash
  ['\u3000', ' '], // ideographic space
  ['\u00A0', ' '], // no-break space
  ['\uFF38', 'X'], // Ｘ
  ['\uFF58', 'x'], // ｘ
]);

/**
 * Turns full-width digits (０-９, U+FF10–FF19), Ｘ/ｘ, ＋, －, dashes and wide spaces into their
 * ASCII forms. The result always has the same length as the input, character for character.
 */
export function toHalfWidth(text: string): string {
  return text.replace(
    /[\uFF10-\uFF19\uFF0B\uFF0D\u2010\u2011\u2013\u3000\u00A0\uFF38\uFF58]/g,
    (ch) => {
      const code = ch.charCodeAt(0);
      if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
      return HALF_WIDTH.get(ch) ?? ch;
    },
  );
}

/** Only the digits of a number as written (full-width digits count): `+86 138-1234-5678` → `8613812345678`. */
export function digitsOf(text: string): string {
  return toHalfWidth(text).replace(/\D/g, '');
}
