const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 896 → 896, 12000 → 12,000; keeps the unit beside it for reading: 896 人次. */
export function formatFigureValue(value: number): string {
  return numberFormat.format(value);
}
