import QRCode from 'qrcode';
import sharp from 'sharp';
import { wechatAddresses, type WechatSection } from './addresses.ts';

/** Pixels per module: 8 px keeps the code sharp at the 160 px it is shown at on a 2× phone screen. */
const SCALE = 8;
const QUIET_ZONE = 4;

/**
 * A QR code as a PNG file, because the 公众号 editor re-hosts only bitmap images (no SVG, no
 * data: URLs). Error correction M and a 4-module quiet zone, as on the posters. The modules are
 * drawn straight into a greyscale bitmap that sharp encodes: several times faster than qrcode's
 * own PNG writer, which matters with one code per article.
 */
export function qrPng(text: string): Promise<Buffer> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const width = (modules.size + 2 * QUIET_ZONE) * SCALE;
  const pixels = Buffer.alloc(width * width, 0xff);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const x = (col + QUIET_ZONE) * SCALE;
      for (let dy = 0; dy < SCALE; dy++) {
        const start = ((row + QUIET_ZONE) * SCALE + dy) * width + x;
        pixels.fill(0, start, start + SCALE);
      }
    }
  return sharp(pixels, { raw: { width, height: width, channels: 1 } })
    .png()
    .toBuffer();
}

/** The PNG QR code of an article's canonical address, as a static file. */
export async function wechatQrResponse(
  section: WechatSection,
  id: string,
  site: URL | undefined,
): Promise<Response> {
  const { canonical } = wechatAddresses(section, id, site);
  if (!canonical) throw new Error('站点设置里没有网站地址（siteUrl），无法生成公众号版的二维码');
  return new Response(new Uint8Array(await qrPng(canonical)), {
    headers: { 'content-type': 'image/png' },
  });
}
