/**
 * What the WeChat 公众号 editor keeps when HTML is pasted into it, as documented by the tools
 * people use for this (doocs/md, mdnice): inline styles only, a short list of tags, images it can
 * fetch and re-host, and no links except to other 公众号 articles.
 */

/** The width of the article column in the 公众号 editor and on a desktop reader, in CSS pixels. */
export const WECHAT_COLUMN_PX = 677;

/**
 * Pixel width of the picture variant handed to the editor: a phone shows the column about 360 px
 * wide at 3×, and the editor re-hosts and recompresses what it fetches anyway.
 */
export const WECHAT_IMAGE_PX = 1080;

export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'section',
  'p',
  'span',
  'strong',
  'em',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'br',
  'sup',
  // Only as a link to another 公众号 article (isWechatArticleLink); every other link is a footnote.
  'a',
]);

/** Attributes each tag may carry; `style` on every tag. */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['src', 'alt'],
  a: ['href'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
};

export function attributeAllowed(tag: string, name: string): boolean {
  return name === 'style' || (ALLOWED_ATTRIBUTES[tag]?.includes(name) ?? false);
}

/** CSS the editor drops or that breaks the layout there: absolute placement and transforms. */
export function forbiddenProperty(property: string): boolean {
  const name = property.trim().toLowerCase();
  return (
    name === 'position' ||
    name.endsWith('transform') ||
    name === 'inset' ||
    name.startsWith('--') ||
    // Interaction and motion mean nothing in a pasted article.
    name === 'cursor' ||
    name.startsWith('transition') ||
    name.startsWith('animation')
  );
}

/** Links WeChat keeps as links: other articles on mp.weixin.qq.com. */
export function isWechatArticleLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.hostname === 'mp.weixin.qq.com';
  } catch {
    return false;
  }
}

/** Image formats the 公众号 editor re-hosts when an article is pasted. */
export function wechatImageFormat(pathname: string): boolean {
  return /\.(?:jpe?g|png|gif|bmp)$/i.test(pathname);
}
