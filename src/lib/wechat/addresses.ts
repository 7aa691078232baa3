import {
  entryPath,
  wechatCoverPath,
  wechatPath,
  wechatQrPath,
  type EntrySection,
} from '../routes.ts';

export type WechatSection = EntrySection;

export interface WechatAddresses {
  /** The article page, e.g. /study/2026-10/. */
  page: string;
  /** Its 公众号版, e.g. /study/2026-10/wechat/. */
  wechat: string;
  /** The PNG QR code of the canonical address, e.g. /study/2026-10/wechat/qr.png. */
  qr: string;
  /** The 900×383 cover image for the 公众号 editor, e.g. /study/2026-10/wechat/cover.png. */
  cover: string;
  /** Absolute addresses on the site's public address, when it is known. */
  canonical?: string;
  qrSrc?: string;
}

/** Where an article, its 公众号版 and that version's QR code live. */
export function wechatAddresses(
  section: WechatSection,
  id: string,
  site: URL | string | undefined,
): WechatAddresses {
  const page = entryPath(section, id);
  const wechat = wechatPath(section, id);
  const qr = wechatQrPath(section, id);
  const cover = wechatCoverPath(section, id);
  if (!site) return { page, wechat, qr, cover };
  return {
    page,
    wechat,
    qr,
    cover,
    canonical: new URL(page, site).href,
    qrSrc: new URL(qr, site).href,
  };
}
