import sharp from 'sharp';
import type { PictureType } from './sniff.ts';

/** Longest side kept: enough for a full-width picture on an A3 poster at about 270 dpi. */
export const MAX_EDGE = 3200;

export interface CleanPicture {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Re-encodes a picture without any metadata (EXIF with GPS, device and owner, XMP, IPTC,
 * comments), the EXIF orientation applied to the pixels first, shrunk to MAX_EDGE. Throws when
 * the bytes do not decode as a picture.
 */
export async function cleanPicture(bytes: Buffer, type: PictureType): Promise<CleanPicture> {
  const animated = type === 'gif' || type === 'webp';
  // sharp writes no metadata unless asked (withMetadata / keepExif); rotate() bakes in the
  // orientation, which would otherwise be lost with the EXIF.
  let image = sharp(bytes, { animated, failOn: 'error' });
  const meta = await image.metadata();
  if ((meta.pages ?? 1) === 1) image = image.rotate();
  image = image.resize({
    width: MAX_EDGE,
    height: MAX_EDGE,
    fit: 'inside',
    withoutEnlargement: true,
  });
  switch (type) {
    case 'jpeg':
      image = image.jpeg({ quality: 85 });
      break;
    case 'png':
      image = image.png({ compressionLevel: 9 });
      break;
    case 'webp':
      image = image.webp({ quality: 85 });
      break;
    case 'gif':
      image = image.gif();
      break;
  }
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.pageHeight ?? info.height };
}
