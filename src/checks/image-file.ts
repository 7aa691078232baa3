import { closeSync, openSync, readSync } from 'node:fs';
import { describeFile, sniffPicture, type PictureType } from '../security/uploads/sniff.ts';

/** The first `length` bytes of a file. */
export function readHead(path: string, length = 1024): Buffer {
  const head = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** What the first bytes of a file say it is: one of the accepted pictures, or not a picture. */
export function imageFormat(path: string): PictureType | undefined {
  return sniffPicture(readHead(path, 16));
}

/** What a file that is not an accepted picture looks like (网页、SVG 矢量图 …). */
export function describeNonPicture(path: string): string {
  return describeFile(readHead(path));
}

/** True when an SVG file could run script if opened on its own (an uploaded SVG is served from the site). */
export function svgHasScript(text: string): boolean {
  return /<script\b|\son[a-z]+\s*=|javascript:|<foreignObject\b|<iframe\b|<embed\b|<object\b/i.test(
    text,
  );
}
