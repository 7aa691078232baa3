import { posterPath as routePosterPath } from './routes.ts';

export type PaperSize = 'a3' | 'a4';

export interface Paper {
  size: PaperSize;
  label: string;
  /** Millimetres, portrait. */
  width: number;
  height: number;
}

/** The default poster is A3 (listed first); A4 is the only other choice. */
export const PAPERS: Record<PaperSize, Paper> = {
  a3: { size: 'a3', label: 'A3', width: 297, height: 420 },
  a4: { size: 'a4', label: 'A4', width: 210, height: 297 },
};

/**
 * Address of an entry's poster on a size. Both sizes are the one page …/poster/; `#a4` switches
 * it to A4 (paper.css), so a size is one click away without another page to build.
 */
export function posterPath(base: string, size: PaperSize): string {
  return size === 'a3' ? routePosterPath(base) : routePosterPath(base, size);
}

/** Layout unit: 1 mm on A3, shrunk in proportion on smaller paper so the design stays the same. */
export function paperUnit(paper: Paper): number {
  return paper.width / PAPERS.a3.width;
}
