/** A WeChat ID or QQ number in a text. */
export interface OnlineIdMatch {
  kind: 'wechat' | 'qq';
  index: number;
  end: number;
  masked: string;
}

/** WeChat's generated IDs, anywhere. */
const WXID = /(?<![A-Za-z0-9_])wxid_[A-Za-z0-9]{4,}/g;
/** An ID named as a WeChat ID (6–20 characters, starting with a letter); not 公众号 or 群. */
const WECHAT_NAMED =
  /(?:微信号?|微信ID|微信id|[vVwW][xX]号?|[vV]信|威信|薇信)\s*(?:号码|号)?\s*(?:是|为|[:：])?\s*([a-zA-Z][-_a-zA-Z0-9]{5,19})(?![-_a-zA-Z0-9])/g;
/** A QQ number (5–12 digits) named as such; QQ群 numbers are groups, not people. */
const QQ = /(?:QQ|qq|Qq|扣扣)\s*(?:号码|号)?\s*(?:是|为|[:：])?\s*([1-9]\d{4,11})(?!\d)/g;

/** First two and last two characters kept: wxid_8a7s…3h → wxid_****3h, 12345678 → 12****78. */
export function maskOnlineId(id: string): string {
  if (id.startsWith('wxid_')) return `wxid_****${id.slice(-2)}`;
  return id.length <= 4 ? '*'.repeat(id.length) : `${id.slice(0, 2)}****${id.slice(-2)}`;
}

/** WeChat IDs and QQ numbers in `text` (already half-width). */
export function findOnlineIds(text: string): OnlineIdMatch[] {
  const found: OnlineIdMatch[] = [];
  const add = (kind: OnlineIdMatch['kind'], index: number, id: string) => {
    if (found.some((f) => index < f.end && f.index < index + id.length)) return;
    found.push({ kind, index, end: index + id.length, masked: maskOnlineId(id) });
  };
  for (const m of text.matchAll(WXID)) add('wechat', m.index, m[0]);
  for (const m of text.matchAll(WECHAT_NAMED)) {
    const id = m[1] ?? '';
    add('wechat', m.index + m[0].length - id.length, id);
  }
  for (const m of text.matchAll(QQ)) {
    const id = m[1] ?? '';
    add('qq', m.index + m[0].length - id.length, id);
  }
  return found.sort((a, b) => a.index - b.index);
}
