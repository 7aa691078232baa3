/**
 * Columns for a poster's big numbers: rows stay full where possible (4 → 2×2, 5–6 → 3, 7–8 → 4),
 * so no single number sits alone on a row.
 */
export function posterFigureColumns(count: number): 2 | 3 | 4 {
  if (count <= 2 || count === 4) return 2;
  if (count <= 6 || count === 9) return 3;
  return 4;
}
