/** Rough advance widths in em: digits, commas and points are narrow; Chinese characters are square. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.56;
  return width;
}

export interface FigureBox {
  /** Width available for the number and its unit, in the unit of `sizes` (rem, mm…). */
  width: number;
  /** Candidate sizes for the number, largest first. */
  sizes: readonly number[];
  /** The unit's size: a fixed size in the same unit, or `{ em }` relative to the number. */
  unit: number | { em: number };
}

/**
 * Index into `box.sizes` of the largest size at which “1,520 小时” fits on one line, so the unit
 * never wraps away from its number (the line does not break; the number shrinks instead). The
 * last size when none fits.
 */
export function figureSizeStep(value: string, unit: string | undefined, box: FigureBox): number {
  const unitText = unit ? textWidth(unit) : 0;
  const index = box.sizes.findIndex((size) => {
    const unitSize = typeof box.unit === 'number' ? box.unit : box.unit.em * size;
    // The gap before the unit is about 0.15em of the number.
    return size * (textWidth(value) + (unit ? 0.15 : 0)) + unitText * unitSize <= box.width;
  });
  return index < 0 ? box.sizes.length - 1 : index;
}
