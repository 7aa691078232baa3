/** The 公众号 cover: 900×383 px (2.35:1), the size the 公众号 editor asks for. */
export const COVER = { width: 900, height: 383 } as const;

const MARGIN = 60;
/** Punctuation that may not start a line: it hangs at the end of the line before. */
const NO_LINE_START = /^[，。、：；！？）」』”’》〉…—,.;:!?)\]]$/;

/** Width of text in em: CJK and full-width characters 1, other characters about half. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u0020-\u007e]/.test(char) ? 0.55 : 1;
  return width;
}

/**
 * Greedy line breaking for a short title: between any two CJK characters, never inside a run of
 * Latin letters or digits, never before closing punctuation. Past `maxLines` the last line ends
 * with an ellipsis.
 */
export function wrapLines(
  text: string,
  maxEm: number,
  maxLines: number,
): { lines: string[]; fits: boolean } {
  const tokens = text.trim().match(/[\u0021-\u007e]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line) line += ' ';
      continue;
    }
    if (line && textWidthEm(line + token) > maxEm && !NO_LINE_START.test(token)) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += token;
  }
  if (line) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return { lines, fits: true };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidthEm(`${last}…`) > maxEm) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return { lines: kept, fits: false };
}

/** The same number of lines, as even as they go: no single word left alone on the last line. */
function balanced(text: string, maxEm: number, count: number): string[] {
  let best = wrapLines(text, maxEm, count).lines;
  for (let em = maxEm - 0.5; em > 1; em -= 0.5) {
    const narrower = wrapLines(text, em, count);
    if (!narrower.fits || narrower.lines.length !== count) break;
    best = narrower.lines;
  }
  return best;
}

const escapeXml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

export interface CoverText {
  title: string;
  /** Above the title, e.g. 学习园地 · 第6期. */
  label: string;
  /** Below it: the branch's name. */
  branch: string;
}

/** Title sizes tried from largest, with the lines each may take. */
const TITLE_SIZES = [
  { size: 60, lines: 2 },
  { size: 52, lines: 2 },
  { size: 44, lines: 3 },
] as const;

/**
 * The cover as SVG for a rasteriser with the system's CJK fonts: the site's red, the title in
 * large white type wrapped to fit, the section above it and the branch's name below.
 */
export function coverSvg(text: CoverText): string {
  const { width, height } = COVER;
  const available = width - 2 * MARGIN;
  let chosen = TITLE_SIZES[TITLE_SIZES.length - 1]!;
  let lines: string[] = [];
  for (const option of TITLE_SIZES) {
    const wrapped = wrapLines(text.title, available / option.size, option.lines);
    chosen = option;
    lines = wrapped.lines;
    if (wrapped.fits) {
      lines = balanced(text.title, available / option.size, lines.length);
      break;
    }
  }
  const lineHeight = chosen.size * 1.3;
  // Centre the title block between the label (top) and the branch name (bottom).
  const first = height / 2 - ((lines.length - 1) * lineHeight) / 2 + chosen.size * 0.35;
  const font = `font-family="Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"`;
  const title = lines
    .map(
      (line, i) =>
        `<tspan x="${width / 2}" y="${(first + i * lineHeight).toFixed(1)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#b5121b"/>`,
    `<rect width="${width}" height="12" fill="#f6e7c1"/>`,
    `<text x="${width / 2}" y="66" text-anchor="middle" font-size="28" fill="#f6e7c1" ${font}>${escapeXml(text.label)}</text>`,
    `<text text-anchor="middle" font-size="${chosen.size}" font-weight="bold" fill="#ffffff" ${font}>${title}</text>`,
    `<text x="${width / 2}" y="${height - 36}" text-anchor="middle" font-size="28" fill="#f6e7c1" ${font}>${escapeXml(text.branch)}</text>`,
    '</svg>',
  ].join('');
}
