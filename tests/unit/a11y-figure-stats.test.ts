import { describe, expect, it } from 'vitest';
import { barPercent, figureStatsByYear, isRate } from '@/lib/figure-stats';

describe('figureStatsByYear', () => {
  const reports = [
    {
      date: '2026-06-30',
      figures: [
        { label: '走访群众', value: 16, unit: '户' },
        { label: '接待来访', value: 3, unit: '次' },
      ],
    },
    {
      date: '2026-08-31',
      figures: [
        { label: '走访群众', value: 896, unit: '人次' },
        { label: ' 接待来访 ', value: 5, unit: '次' },
        { label: '党员参与率', value: 90, unit: '%' },
      ],
    },
    { date: '2025-12-01', figures: [{ label: '走访群众', value: 300, unit: '人次' }] },
    { date: '2026-10-01' },
    { date: '2024-01-01', figures: [{ label: '参与率', value: 80, unit: '%' }] },
  ];
  const stats = figureStatsByYear(reports);

  it('sums the same label and unit within a year, newest year first', () => {
    expect(stats.map((year) => year.year)).toEqual([2026, 2025]);
    const visits = stats[0]!.groups.find((group) => group.unit === '次')!.rows;
    expect(visits).toEqual([{ label: '接待来访', unit: '次', total: 8, reports: 2 }]);
  });

  it('keeps different units apart: 16 户 and 896 人次 are not one number', () => {
    const units = stats[0]!.groups.map((group) => group.unit).sort();
    expect(units).toEqual(['人次', '户', '次'].sort());
    expect(stats[1]!.groups).toEqual([
      { unit: '人次', rows: [{ label: '走访群众', unit: '人次', total: 300, reports: 1 }] },
    ]);
  });

  it('leaves percentages out, and years with only percentages or no figures', () => {
    expect(isRate('%')).toBe(true);
    expect(isRate('人次')).toBe(false);
    expect(stats[0]!.groups.flatMap((group) => group.rows.map((row) => row.label))).not.toContain(
      '党员参与率',
    );
    expect(stats.find((year) => year.year === 2024)).toBeUndefined();
    expect(stats[0]!.reports).toBe(2);
  });

  it('adds decimals without floating-point noise', () => {
    const [year] = figureStatsByYear([
      { date: '2026-01-01', figures: [{ label: '时长', value: 0.1, unit: '小时' }] },
      { date: '2026-02-01', figures: [{ label: '时长', value: 0.2, unit: '小时' }] },
    ]);
    expect(year!.groups[0]!.rows[0]!.total).toBe(0.3);
  });

  it('orders bars largest first', () => {
    const [year] = figureStatsByYear([
      {
        date: '2026-01-01',
        figures: [
          { label: '接待', value: 389, unit: '人次' },
          { label: '走访群众', value: 896, unit: '人次' },
          { label: '恳谈', value: 766, unit: '人次' },
        ],
      },
    ]);
    expect(year!.groups[0]!.rows.map((row) => row.label)).toEqual(['走访群众', '恳谈', '接待']);
  });
});

describe('barPercent', () => {
  it('scales to the largest value and keeps a sliver for small non-zero values', () => {
    expect(barPercent(896, 896)).toBe(100);
    expect(barPercent(389, 896)).toBe(43.4);
    expect(barPercent(1, 100000)).toBe(1);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(5, 0)).toBe(0);
  });
});
