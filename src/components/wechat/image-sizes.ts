import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import config from 'virtual:site-config';
import type { ImageSize } from '@/lib/wechat/images';

const cache = new Map<string, Promise<ImageSize | undefined>>();

/** Pixel size of an image under public/ by its site path (/uploads/a.jpg); undefined if unknown. */
function sizeOfFile(publicDir: string, pathname: string): Promise<ImageSize | undefined> {
  const file = normalize(join(publicDir, pathname));
  if (!file.startsWith(publicDir + sep)) return Promise.resolve(undefined);
  let size = cache.get(file);
  if (!size) {
    size = readFile(file)
      .then((data) => imageMetadata(new Uint8Array(data), pathname))
      .then(({ width, height }) => ({ width, height }))
      .catch(() => undefined);
    cache.set(file, size);
  }
  return size;
}

/**
 * Sizes of the site's own plain images in `html` (a cover, a GIF), looked up before the article
 * is built; a picture's variants carry their size in the markup.
 */
export async function imageSizes(
  html: string,
  site: URL | string,
  publicDir = config.publicDir,
): Promise<Map<string, ImageSize>> {
  const origin = new URL(site).origin;
  const paths = new Set<string>();
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/g)) {
    try {
      const url = new URL(match[1]!.replaceAll('&amp;', '&'), site);
      if (url.origin === origin) paths.add(decodeURI(url.pathname));
    } catch {
      // An address that does not parse is reported by the content checks.
    }
  }
  const sizes = new Map<string, ImageSize>();
  for (const path of paths) {
    const size = await sizeOfFile(publicDir, path);
    if (size) sizes.set(path, size);
  }
  return sizes;
}
