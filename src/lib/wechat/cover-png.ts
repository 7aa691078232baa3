import sharp from 'sharp';
import { coverSvg, type CoverText } from './cover-svg.ts';

/** The 公众号 cover as a PNG, rendered by sharp (librsvg) with the system's CJK fonts. */
export async function coverPng(text: CoverText): Promise<Buffer> {
  return sharp(Buffer.from(coverSvg(text)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A built PNG file from an endpoint. */
export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
