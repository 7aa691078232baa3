import sharp from 'sharp';
import { coverSvg, type CoverText } from './cover-svg.ts';

/** The 公众号 cover as a PNG, rendered by sharp (librsvg) with the system's CJK fonts. */
export async function coverPng(text: CoverText): Promise<Buffer> {
  // Default compression: level 9 made each cover about five times slower to write.
  return sharp(Buffer.from(coverSvg(text)))
    .png()
    .toBuffer();
}

/** A built PNG file from an endpoint. */
export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
