import { closeSync, openSync, readSync } from 'node:fs';

/** What the first bytes of a file say it is: an image format, or not an image. */
export function imageFormat(
  path: string,
): 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'svg' | undefined {
  const head = Buffer.alloc(512);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, length);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  const ascii = bytes.toString('latin1');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'gif';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp';
  if (ascii.slice(4, 8) === 'ftyp' && /^avi[fs]/.test(ascii.slice(8, 12))) return 'avif';
  if (
    /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(
      bytes.toString('utf8'),
    )
  )
    return 'svg';
  return undefined;
}

/** True when an SVG file could run script if opened on its own (an uploaded SVG is served from the site). */
export function svgHasScript(text: string): boolean {
  return /<script\b|\son[a-z]+\s*=|javascript:|<foreignObject\b|<iframe\b|<embed\b|<object\b/i.test(
    text,
  );
}
