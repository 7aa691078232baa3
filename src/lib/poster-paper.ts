export type PaperSize = 'a3' | 'a4';

export interface Paper {
  size: PaperSize;
  label: string;
  /** Millimetres, portrait. */
  width: number;
  height: number;
}

export const PAPERS: Record<PaperSize, Paper> = {
  a3: { size: 'a3', label: 'A3', width: 297, height: 420 },
  a4: { size: 'a4', label: 'A4', width: 210, height: 297 },
};

/** The default poster is A3; `a4` is the only other choice. */
export function paperFromParam(param: string | undefined): Paper {
  return param === 'a4' ? PAPERS.a4 : PAPERS.a3;
}

/** Route segment under …/poster/ for a size: '' for A3 (the default), 'a4/' for A4. */
export function posterPath(base: string, size: PaperSize): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return size === 'a3' ? `${root}poster/` : `${root}poster/a4/`;
}

/** Layout unit: 1 mm on A3, shrunk in proportion on smaller paper so the design stays the same. */
export function paperUnit(paper: Paper): number {
  return paper.width / PAPERS.a3.width;
}
