import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { fallbackFormat, isResizable, variantUrl, variantWidths } from './variants.ts';

export interface PictureOptions {
  /** The `sizes` attribute: how wide the picture is shown. */
  sizes: string;
  /** Above the fold: load at once instead of lazily. */
  eager?: boolean;
  /** Also offer a print-resolution width (posters). */
  print?: boolean;
}

export interface PictureMarkup {
  sources: { type: string; srcset: string; sizes: string }[];
  img: Record<string, string | number>;
}

/** Sizes of the article column (44rem, less the page margin on phones). */
export const ARTICLE_SIZES = '(max-width: 46rem) calc(100vw - 2rem), 44rem';

const known = new Map<string, { mtime: number; width: number; height: number }>();

/** Width and height as shown (EXIF orientation applied), read from the file's header. */
export function pictureSize(publicDir: string, src: string) {
  const path = join(publicDir, decodeURI(src));
  try {
    const mtime = statSync(path).mtimeMs;
    const cached = known.get(path);
    if (cached?.mtime === mtime) return cached;
    const size = imageSize(readFileSync(path));
    const turned = (size.orientation ?? 1) >= 5;
    const entry = {
      mtime,
      width: turned ? size.height : size.width,
      height: turned ? size.width : size.height,
    };
    known.set(path, entry);
    return entry;
  } catch {
    return undefined;
  }
}

/**
 * A picture element for an uploaded picture: WebP and a JPEG/PNG fallback in the widths that fit
 * (`srcset`/`sizes`), width and height set so nothing jumps, lazy unless `eager`. Undefined for
 * anything that is not a local, resizable, readable picture (left as a plain img).
 */
export function pictureMarkup(
  publicDir: string,
  src: string,
  alt: string,
  options: PictureOptions,
): PictureMarkup | undefined {
  if (!isResizable(src)) return undefined;
  const size = pictureSize(publicDir, src);
  if (!size) return undefined;
  const widths = variantWidths(size.width, options.print);
  const srcset = (format: 'webp' | 'jpg' | 'png') =>
    widths.map((w) => `${variantUrl(src, w, format)} ${w}w`).join(', ');
  const fallback = fallbackFormat(src);
  const middle = widths[Math.min(1, widths.length - 1)]!;
  return {
    sources: [{ type: 'image/webp', srcset: srcset('webp'), sizes: options.sizes }],
    img: {
      src: variantUrl(src, middle, fallback),
      srcset: srcset(fallback),
      sizes: options.sizes,
      width: size.width,
      height: size.height,
      alt,
      loading: options.eager ? 'eager' : 'lazy',
      decoding: 'async',
    },
  };
}
