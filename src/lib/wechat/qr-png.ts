import QRCode from 'qrcode';
import { wechatAddresses, type WechatSection } from './addresses.ts';

/**
 * A QR code as a PNG file, because the 公众号 editor re-hosts only bitmap images (no SVG, no
 * data: URLs). Error correction M and a 4-module quiet zone, as on the posters; 8 px a module is
 * sharp at the 160 px it is shown at on a phone's high-density screen.
 */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: 8,
    color: { dark: '#000000', light: '#ffffff' },
  });
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
