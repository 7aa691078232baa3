import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  copyFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { sniffPicture } from '../security/uploads/sniff.ts';
import {
  SCREEN_WIDTHS,
  fallbackFormat,
  isResizable,
  variantUrl,
  variantWidths,
  type VariantFormat,
} from './variants.ts';

/** Where variants are kept between builds, by content hash (CI keeps node_modules/.astro). */
export const DEFAULT_CACHE = 'node_modules/.astro/pictures';

export interface VariantStats {
  pictures: number;
  made: number;
  reused: number;
}

/** The budget for a picture a page loads on a screen (print widths are for posters only). */
export const SCREEN_BUDGET = 400_000;
const QUALITIES = [72, 60, 50, 40];

function encode(image: Sharp, format: VariantFormat, quality: number): Sharp {
  if (format === 'webp') return image.webp({ quality, effort: 4 });
  if (format === 'png') return image.png({ compressionLevel: 9, palette: true, quality });
  return image.jpeg({ quality, progressive: true });
}

/** One variant of a picture's bytes, from the cache or made and cached. */
export async function variant(
  bytes: Buffer,
  width: number,
  format: VariantFormat,
  cacheDir: string,
): Promise<{ path: string; made: boolean }> {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  const path = join(cacheDir, `${hash}-${width}.${format}`);
  if (existsSync(path)) return { path, made: false };
  mkdirSync(cacheDir, { recursive: true });
  const resized = sharp(bytes).rotate().resize({ width, withoutEnlargement: true });
  let data = Buffer.alloc(0);
  // A busy photo can exceed the budget at the usual quality: step down until it fits.
  for (const quality of QUALITIES) {
    data = await encode(resized.clone(), format, quality).toBuffer();
    if (width > SCREEN_WIDTHS[SCREEN_WIDTHS.length - 1]! || data.length <= SCREEN_BUDGET) break;
  }
  const partial = `${path}.${process.pid}.part`;
  writeFileSync(partial, data);
  renameSync(partial, path);
  return { path, made: true };
}

/** Width as shown, EXIF orientation applied. */
async function shownWidth(bytes: Buffer): Promise<number> {
  const meta = await sharp(bytes).metadata();
  return (meta.orientation ?? 1) >= 5 ? (meta.height ?? 0) : (meta.width ?? 0);
}

/**
 * Every picture under `publicDir/uploads` in the widths pages ask for (screen and print), as WebP
 * and JPEG/PNG, copied into `outDir/_pictures/…`.
 */
export async function makeVariants(
  publicDir: string,
  outDir: string,
  cacheDir: string,
): Promise<VariantStats> {
  const stats: VariantStats = { pictures: 0, made: 0, reused: 0 };
  const uploads = join(publicDir, 'uploads');
  if (!existsSync(uploads)) return stats;
  const names = readdirSync(uploads, { recursive: true, encoding: 'utf8' });
  for (const name of names) {
    const src = `/uploads/${name.split('\\').join('/')}`;
    if (!isResizable(src)) continue;
    const bytes = readFileSync(join(uploads, name));
    if (!sniffPicture(bytes)) continue;
    stats.pictures++;
    const widths = variantWidths(await shownWidth(bytes), true);
    for (const format of ['webp', fallbackFormat(src)] as const)
      for (const width of widths) {
        const { path, made } = await variant(bytes, width, format, cacheDir);
        stats[made ? 'made' : 'reused']++;
        const target = join(outDir, variantUrl(src, width, format));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(path, target);
      }
  }
  return stats;
}
