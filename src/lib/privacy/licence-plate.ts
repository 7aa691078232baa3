/** A mainland licence plate in a text. */
export interface PlateMatch {
  index: number;
  end: number;
  masked: string;
}

/** Province abbreviation, issuing-office letter (no I or O), then 5 (6 for new energy) letters/digits. */
const PLATE =
  // eslint-disable-next-line no-useless-escape -- the escaped hyphen reads as a literal dash
  /(?<![A-Za-z0-9])([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])\s?([A-HJ-NP-Z])\s?[·•・.\-]?\s?([A-HJ-NP-Z0-9]{5,6})(?![A-Za-z0-9])/g;

/** Licence plates in `text` (already half-width); the tail must hold a digit. */
export function findLicencePlates(text: string): PlateMatch[] {
  const found: PlateMatch[] = [];
  for (const m of text.matchAll(PLATE)) {
    const [, province = '', office = '', tail = ''] = m;
    if (!/\d/.test(tail)) continue;
    found.push({
      index: m.index,
      end: m.index + m[0].length,
      masked: `${province}${office}${'*'.repeat(tail.length - 2)}${tail.slice(-2)}`,
    });
  }
  return found;
}
