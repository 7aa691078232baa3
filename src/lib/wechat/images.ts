import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { parseVariantUrl } from '../../pictures/variants.ts';
import { WECHAT_COLUMN_PX, WECHAT_IMAGE_PX, wechatImageFormat } from './rules.ts';

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

interface Candidate {
  src: string;
  width: number;
}

/** `a-360.jpg 360w, a-720.jpg 720w` → the JPEG/PNG entries with their widths. */
function srcsetCandidates(srcset: string): Candidate[] {
  return srcset
    .split(',')
    .map((entry) => /^\s*(\S+)\s+(\d+)w\s*$/.exec(entry))
    .filter((match) => match !== null)
    .map((match) => ({ src: match[1]!, width: Number(match[2]) }))
    .filter((candidate) => wechatImageFormat(candidate.src.split(/[?#]/)[0]!));
}

/** The narrowest candidate as wide as WECHAT_IMAGE_PX, or the widest when none is. */
function pickCandidate(candidates: Candidate[]): Candidate | undefined {
  const sorted = [...candidates].sort((a, b) => a.width - b.width);
  return sorted.find((c) => c.width >= WECHAT_IMAGE_PX) ?? sorted.at(-1);
}

/**
 * Points an image with a srcset at the JPEG/PNG variant that suits the column, with that
 * variant's width and height, and drops the srcset the editor would not keep.
 */
function pickVariant(image: Cheerio<Element>): void {
  const fromSrc = image.attr('src') ?? '';
  const chosen = pickCandidate(srcsetCandidates(image.attr('srcset') ?? '')) ?? {
    src: fromSrc,
    width: parseVariantUrl(fromSrc.split(/[?#]/)[0]!)?.width ?? 0,
  };
  const width = Number(image.attr('width'));
  const height = Number(image.attr('height'));
  image.attr('src', chosen.src).removeAttr('srcset').removeAttr('sizes');
  if (chosen.width > 0 && width > 0 && height > 0)
    image
      .attr('width', String(chosen.width))
      .attr('height', String(Math.round((chosen.width * height) / width)));
  else image.removeAttr('width').removeAttr('height');
}

/**
 * Turns each `<picture>` into its one `<img>`: the editor drops picture and source and fetches
 * only JPEG, PNG and GIF, so the image takes the JPEG/PNG variant that suits the column (from the
 * fallback srcset, never WebP) with that variant's width and height.
 */
export function singleImages($: CheerioAPI, scope: Cheerio<AnyNode>): void {
  for (const element of scope.find('picture').toArray()) {
    const picture = $(element);
    const image = picture.find('img').first();
    if (image.length === 0) picture.remove();
    else picture.replaceWith(image);
  }
  for (const element of scope.find('img[srcset]').toArray()) pickVariant($(element));
}

/** An image's size from its width and height attributes, when both are set. */
function sizeFromAttributes(image: Cheerio<Element>): ImageSize | undefined {
  const width = Number(image.attr('width'));
  const height = Number(image.attr('height'));
  return width > 0 && height > 0 ? { width, height } : undefined;
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
    const size =
      sizeFromAttributes(image) ??
      (url.origin === site ? options.sizeOf?.(decodeURI(url.pathname)) : undefined);
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

/**
 * An image as a paragraph of its own, e.g. a 学习园地 cover put in front of the body; `variants`
 * are the picture's JPEG/PNG sizes (srcset, width, height) when the site makes them.
 */
export function imageParagraph(
  src: string,
  alt: string,
  variants?: { srcset: string; width: number; height: number },
): string {
  const extra = variants
    ? ` srcset="${escapeAttribute(variants.srcset)}" width="${variants.width}" height="${variants.height}"`
    : '';
  return `<p><img src="${escapeAttribute(encodeURI(src))}" alt="${escapeAttribute(alt)}"${extra}></p>`;
}
