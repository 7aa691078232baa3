import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFitScale, scalePercent } from '@/lib/poster-fit';
import { BUSINESS_CARDS_A4, cutMarks, paginate, sheetGeometry } from '@/lib/poster-card-sheet';
import { PAPERS, paperUnit, posterPath } from '@/lib/poster-paper';
import { posterFigureColumns } from '@/lib/poster-figures';
import { absoluteUrl } from '@/lib/poster-url';
import { repoRoot } from '../support/run-build';

describe('poster fit', () => {
  const fitsBelow = (limit: number) => (scale: number) => scale <= limit;

  it('keeps the largest scale when everything fits', () => {
    expect(findFitScale(fitsBelow(2), { min: 0.7, max: 1.4 })).toEqual({ scale: 1.4, fits: true });
  });
  it('finds the largest fitting scale within the precision', () => {
    const result = findFitScale(fitsBelow(0.873), { min: 0.7, max: 1.4 });
    expect(result.fits).toBe(true);
    expect(result.scale).toBeLessThanOrEqual(0.873);
    expect(result.scale).toBeGreaterThan(0.86);
  });
  it('reports a piece that does not fit even at the minimum', () => {
    expect(findFitScale(fitsBelow(0.5), { min: 0.7, max: 1 })).toEqual({ scale: 0.7, fits: false });
  });
  it('tries few sizes (each try is a layout)', () => {
    let tries = 0;
    findFitScale((s) => (tries++, s < 0.9), { min: 0.7, max: 1.4 });
    expect(tries).toBeLessThanOrEqual(10);
  });
  it('prints percentages', () => expect(scalePercent(0.874)).toBe('87%'));
});

describe('paper', () => {
  it('offers A3 portrait, 297 × 420 mm, first and A4 second', () => {
    expect(Object.keys(PAPERS)).toEqual(['a3', 'a4']);
    expect(PAPERS.a3).toMatchObject({ width: 297, height: 420 });
    expect(PAPERS.a4).toMatchObject({ width: 210, height: 297 });
  });
  it('scales the A3 design to A4', () => expect(paperUnit(PAPERS.a4)).toBeCloseTo(0.7071, 3));
  it('has the print stylesheet agree with the paper sizes', () => {
    const css = readFileSync(join(repoRoot, 'src/components/poster/paper.css'), 'utf8');
    const a4 = css.slice(css.indexOf(':root:has(#a4:target) {'));
    expect(css).toMatch(/@page \{\s*size: A3 portrait;/);
    expect(css).toMatch(/@page a4 \{\s*size: A4 portrait;/);
    expect(css).toContain(`--paper-w: ${PAPERS.a3.width}mm;`);
    expect(css).toContain(`--paper-h: ${PAPERS.a3.height}mm;`);
    expect(a4).toContain(`--paper-w: ${PAPERS.a4.width}mm;`);
    expect(a4).toContain(`--paper-h: ${PAPERS.a4.height}mm;`);
    expect(a4).toContain(`--u: ${paperUnit(PAPERS.a4).toFixed(4)}mm;`);
  });
  it('builds poster addresses: one page, #a4 for A4', () => {
    expect(posterPath('/study/2026-10/', 'a3')).toBe('/study/2026-10/poster/');
    expect(posterPath('/study/2026-10', 'a4')).toBe('/study/2026-10/poster/#a4');
  });
  it('makes absolute URLs from the site address', () => {
    expect(absoluteUrl('/study/2026-10/', 'https://qiaobei.example.cn')).toBe(
      'https://qiaobei.example.cn/study/2026-10/',
    );
  });
});

describe('card sheet', () => {
  const geometry = sheetGeometry(BUSINESS_CARDS_A4);

  it('puts ten 90 × 54 mm cards on A4, centred', () => {
    expect(geometry.perSheet).toBe(10);
    expect(geometry.left).toBe(15);
    expect(geometry.top).toBe(13.5);
    expect(geometry.cutsX).toEqual([15, 105, 195]);
    expect(geometry.cutsY).toEqual([13.5, 67.5, 121.5, 175.5, 229.5, 283.5]);
  });
  it('draws a mark at both ends of every cut, in the margin only', () => {
    const marks = cutMarks(geometry);
    expect(marks).toHaveLength(2 * (3 + 6));
    for (const m of marks) {
      const vertical = m.x1 === m.x2;
      if (vertical) expect(m.y2 <= geometry.top || m.y1 >= 283.5).toBe(true);
      else expect(m.x2 <= geometry.left || m.x1 >= 195).toBe(true);
      expect(Math.min(m.x1, m.y1)).toBeGreaterThanOrEqual(0);
      expect(m.x2).toBeLessThanOrEqual(210);
      expect(m.y2).toBeLessThanOrEqual(297);
    }
  });
  it('refuses cards that cannot fit', () => {
    expect(() => sheetGeometry({ ...BUSINESS_CARDS_A4, columns: 3 })).toThrow('卡片排不下');
  });
  it('paginates contacts into sheets', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    expect(paginate(items, 10).map((s) => s.length)).toEqual([10, 10, 3]);
    expect(paginate([], 10)).toEqual([]);
    expect(() => paginate(items, 0)).toThrow();
  });
});

describe('poster figures', () => {
  it.each([
    [1, 2],
    [2, 2],
    [3, 3],
    [4, 2],
    [5, 3],
    [6, 3],
    [7, 4],
    [8, 4],
    [9, 3],
    [12, 4],
  ])('%i figures → %i columns', (count, columns) =>
    expect(posterFigureColumns(count)).toBe(columns),
  );
});
