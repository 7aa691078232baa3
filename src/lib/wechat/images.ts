import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { WECHAT_COLUMN_PX } from './rules.ts';

export interface ImageSize {
  width: number;
  height: number;
}

/** Looks up an image's pixel size by its path on the site (/uploads/a.jpg), when known. */
export type ImageSizeOf = (pathname: string) => ImageSize | undefined;

/** Width the image is shown at in the 公众号 column: its own width, never wider than the column. */
export function wechatImageWidth(size: ImageSize | undefined): string {
  return size && size.width > 0
    ? `${Math.min(Math.round(size.width), WECHAT_COLUMN_PX)}px`
    : '100%';
}

/**
 * Gives every image the absolute address the 公众号 editor fetches it from (on `siteUrl`) and a
 * width in its style, and marks paragraphs that hold only images so they are centred and not
 * indented. Returns the absolute addresses.
 */
export function placeImages(
  $: CheerioAPI,
  scope: Cheerio<AnyNode>,
  options: { pageUrl: string; sizeOf?: ImageSizeOf },
): string[] {
  const sources: string[] = [];
  const site = new URL(options.pageUrl).origin;
  for (const element of scope.find('img').toArray()) {
    const image = $(element);
    let url: URL;
    try {
      url = new URL(image.attr('src') ?? '', options.pageUrl);
    } catch {
      image.remove();
      continue;
    }
    const size = url.origin === site ? options.sizeOf?.(decodeURI(url.pathname)) : undefined;
    const style = image.attr('style') ?? '';
    image
      .attr('src', url.href)
      .attr('alt', image.attr('alt') ?? '')
      .attr(
        'style',
        `${style}${style && !style.trim().endsWith(';') ? ';' : ''} width: ${wechatImageWidth(size)};`.trim(),
      )
      .removeAttr('width')
      .removeAttr('height')
      .removeAttr('loading')
      .removeAttr('title')
      .addClass('wx-img');
    sources.push(url.href);
  }
  for (const paragraph of scope.find('p').toArray()) {
    const p = $(paragraph);
    if (p.find('img').length > 0 && p.text().trim() === '') p.addClass('wx-figure');
  }
  return sources;
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** An image as a paragraph of its own, e.g. a 学习园地 cover put in front of the body. */
export function imageParagraph(src: string, alt: string): string {
  return `<p><img src="${escapeAttribute(encodeURI(src))}" alt="${escapeAttribute(alt)}"></p>`;
}
