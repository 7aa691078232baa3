import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { cleanPicture } from '../security/uploads/clean.ts';
import { sniffPicture } from '../security/uploads/sniff.ts';

export interface PublishedUploads {
  /** Files that were not pictures, removed from the built site. */
  removed: string[];
  /** Pictures that still carried metadata (GPS, device …), replaced by a clean copy. */
  cleaned: string[];
}

/**
 * The last guard on the built site's media folder, whatever reached the repository: anything
 * that is not a picture is removed, and a picture with EXIF, XMP or IPTC is replaced by a clean
 * copy. (The checks before the build already refuse non-pictures; uploads are cleaned on save.)
 */
export async function cleanPublishedUploads(outDir: string): Promise<PublishedUploads> {
  const result: PublishedUploads = { removed: [], cleaned: [] };
  const uploads = join(outDir, 'uploads');
  if (!existsSync(uploads)) return result;
  for (const name of readdirSync(uploads, { recursive: true, encoding: 'utf8' })) {
    const path = join(uploads, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    const type = sniffPicture(bytes);
    if (!type) {
      rmSync(path);
      result.removed.push(`/uploads/${name}`);
      continue;
    }
    const meta = await sharp(bytes).metadata();
    if (meta.exif || meta.xmp || meta.iptc) {
      writeFileSync(path, (await cleanPicture(bytes, type)).bytes);
      result.cleaned.push(`/uploads/${name}`);
    }
  }
  return result;
}
