export type WechatSection = 'study' | 'reports' | 'notices';

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
  const page = `/${section}/${id}/`;
  const wechat = `${page}wechat/`;
  const qr = `${wechat}qr.png`;
  const cover = `${wechat}cover.png`;
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
