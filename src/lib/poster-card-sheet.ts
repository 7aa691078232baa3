export interface SheetLayout {
  paper: { width: number; height: number };
  card: { width: number; height: number };
  columns: number;
  rows: number;
}

export interface SheetGeometry extends SheetLayout {
  perSheet: number;
  /** Top-left corner of the card grid, mm from the paper's corner (the grid is centred). */
  left: number;
  top: number;
  /** Positions of every cut, mm from the paper's left / top edge. */
  cutsX: number[];
  cutsY: number[];
}

/** Ten 90×54 mm cards on A4 portrait, two across and five down, cut edge to edge. */
export const BUSINESS_CARDS_A4: SheetLayout = {
  paper: { width: 210, height: 297 },
  card: { width: 90, height: 54 },
  columns: 2,
  rows: 5,
};

const round = (n: number) => Math.round(n * 100) / 100;

/** Where the grid sits on the sheet and where the guillotine cuts go. */
export function sheetGeometry(layout: SheetLayout = BUSINESS_CARDS_A4): SheetGeometry {
  const gridWidth = layout.card.width * layout.columns;
  const gridHeight = layout.card.height * layout.rows;
  if (gridWidth > layout.paper.width || gridHeight > layout.paper.height) {
    throw new Error('卡片排不下：卡片网格比纸张还大');
  }
  const left = round((layout.paper.width - gridWidth) / 2);
  const top = round((layout.paper.height - gridHeight) / 2);
  return {
    ...layout,
    perSheet: layout.columns * layout.rows,
    left,
    top,
    cutsX: Array.from({ length: layout.columns + 1 }, (_, i) =>
      round(left + i * layout.card.width),
    ),
    cutsY: Array.from({ length: layout.rows + 1 }, (_, i) => round(top + i * layout.card.height)),
  };
}

/** Splits items into sheets of `perSheet`; no items → no sheets. */
export function paginate<T>(items: readonly T[], perSheet: number): T[][] {
  if (!Number.isInteger(perSheet) || perSheet < 1) throw new Error('每页数量必须是正整数');
  const sheets: T[][] = [];
  for (let i = 0; i < items.length; i += perSheet) sheets.push(items.slice(i, i + perSheet));
  return sheets;
}

export interface CutMark {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Short crop marks in the margin around the grid, one pair per cut line, stopping `gap` mm short
 * of the cards so no mark is printed on a card that is cut a little off.
 */
export function cutMarks(geometry: SheetGeometry, length = 6, gap = 2): CutMark[] {
  const { left, top, cutsX, cutsY } = geometry;
  const right = cutsX.at(-1) ?? left;
  const bottom = cutsY.at(-1) ?? top;
  const marks: CutMark[] = [];
  for (const x of cutsX) {
    marks.push({ x1: x, y1: top - gap - length, x2: x, y2: top - gap });
    marks.push({ x1: x, y1: bottom + gap, x2: x, y2: bottom + gap + length });
  }
  for (const y of cutsY) {
    marks.push({ x1: left - gap - length, y1: y, x2: left - gap, y2: y });
    marks.push({ x1: right + gap, y1: y, x2: right + gap + length, y2: y });
  }
  return marks.map((m) => ({
    x1: round(Math.max(0, m.x1)),
    y1: round(Math.max(0, m.y1)),
    x2: round(m.x2),
    y2: round(m.y2),
  }));
}
