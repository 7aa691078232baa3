/**
 * Which sizes of an uploaded picture the site serves, and where. Pages name variants by the
 * picture's own path (/uploads/a.jpg → /_pictures/uploads/a-720.webp) so rendered HTML stays
 * valid whatever the cache holds; the build makes the files (cached by content hash).
 */

/** Widths for screens: a 360 px phone at 1×, 2× and 3×, which also covers the 44rem column. */
export const SCREEN_WIDTHS = [360, 720, 1080] as const;
/** Wide enough for a picture across an A3 poster's column at print resolution. */
export const PRINT_WIDTH = 2000;
export const VARIANT_ROOT = '/_pictures';

export type VariantFormat = 'webp' | 'jpg' | 'png';

/** Pictures that get variants (a GIF may be animated: it is served as it is). */
const RESIZABLE = /\.(?:jpe?g|png|webp)$/i;

export function isResizable(src: string): boolean {
  return src.startsWith('/uploads/') && RESIZABLE.test(src) && !src.includes('..');
}

/** The widths made for a picture `width` pixels wide: never larger than the original. */
export function variantWidths(width: number, print = false): number[] {
  const widths: number[] = SCREEN_WIDTHS.filter((w) => w < width);
  if (widths.length < SCREEN_WIDTHS.length) widths.push(width);
  if (print && width > SCREEN_WIDTHS[SCREEN_WIDTHS.length - 1]!)
    widths.push(Math.min(width, PRINT_WIDTH));
  return [...new Set(widths)];
}

/** The format a browser without WebP gets: PNG stays PNG (transparency), the rest JPEG. */
export function fallbackFormat(src: string): VariantFormat {
  return /\.png$/i.test(src) ? 'png' : 'jpg';
}

export function variantUrl(src: string, width: number, format: VariantFormat): string {
  return `${VARIANT_ROOT}${src.replace(/\.[^./]+$/, '')}-${width}.${format}`;
}

/** /_pictures/uploads/a-720.webp → the source /uploads/a.<ext> stem, width and format. */
export function parseVariantUrl(
  url: string,
): { stem: string; width: number; format: VariantFormat } | undefined {
  const match = /^\/_pictures(\/uploads\/[^?#]+)-(\d+)\.(webp|jpg|png)$/.exec(url);
  if (!match || match[1]!.includes('..')) return undefined;
  return { stem: match[1]!, width: Number(match[2]), format: match[3] as VariantFormat };
}
