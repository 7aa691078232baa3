/** One figure as a report gives it: 走访群众 896 人次. */
export interface FigureInput {
  label: string;
  value: number;
  unit: string;
}

export interface ReportFigures {
  /** YYYY-MM-DD */
  date: string;
  figures?: readonly FigureInput[] | undefined;
}

/** A label's sum over one year's reports. */
export interface FigureTotal {
  label: string;
  unit: string;
  total: number;
  /** How many reports gave this figure. */
  reports: number;
}

/** Totals that share a unit, so their bars can be compared. */
export interface UnitGroup {
  unit: string;
  rows: FigureTotal[];
}

export interface YearStats {
  year: number;
  /** Reports of that year that gave any figure. */
  reports: number;
  groups: UnitGroup[];
}

const RATE_UNITS = new Set(['%', '％', '‰']);

/** Percentages describe one report's base; adding them up means nothing. */
export function isRate(unit: string): boolean {
  return RATE_UNITS.has(unit.trim());
}

const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');
const byLabel = new Intl.Collator('zh-CN');

/**
 * Sums the reports' figures per year and per label (and unit: 16 户 and 896 人次 are different
 * things), newest year first; within a year, units with more items first, bars largest first.
 */
export function figureStatsByYear(reports: readonly ReportFigures[]): YearStats[] {
  const years = new Map<number, { reports: number; totals: Map<string, FigureTotal> }>();
  for (const report of reports) {
    const figures = (report.figures ?? []).filter((figure) => !isRate(figure.unit));
    if (figures.length === 0) continue;
    const year = Number(report.date.slice(0, 4));
    let entry = years.get(year);
    if (!entry) years.set(year, (entry = { reports: 0, totals: new Map() }));
    entry.reports += 1;
    for (const figure of figures) {
      const label = tidy(figure.label);
      const unit = tidy(figure.unit);
      const key = `${label}\u0000${unit}`;
      const total = entry.totals.get(key) ?? { label, unit, total: 0, reports: 0 };
      total.total = Math.round((total.total + figure.value) * 100) / 100;
      total.reports += 1;
      entry.totals.set(key, total);
    }
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, { reports: count, totals }]) => {
      const groups = new Map<string, FigureTotal[]>();
      for (const total of totals.values()) {
        groups.set(total.unit, [...(groups.get(total.unit) ?? []), total]);
      }
      return {
        year,
        reports: count,
        groups: [...groups.entries()]
          .map(([unit, rows]) => ({
            unit,
            rows: rows.sort((a, b) => b.total - a.total || byLabel.compare(a.label, b.label)),
          }))
          .sort(
            (a, b) =>
              b.rows.length - a.rows.length ||
              sum(b.rows) - sum(a.rows) ||
              byLabel.compare(a.unit, b.unit),
          ),
      };
    });
}

const sum = (rows: readonly FigureTotal[]) => rows.reduce((acc, row) => acc + row.total, 0);

/** Bar length as a percentage of the largest value in its chart (at least a sliver when above 0). */
export function barPercent(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(1, Math.round((value / max) * 1000) / 10);
}
