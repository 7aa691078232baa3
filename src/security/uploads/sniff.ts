/** The picture formats the site accepts, recognised by their bytes (never by the file name). */
export type PictureType = 'jpeg' | 'png' | 'webp' | 'gif';

/** File name extension for each picture type. */
export const PICTURE_EXTENSION: Record<PictureType, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What the first bytes say the file is, when it is one of the accepted pictures. */
export function sniffPicture(bytes: Uint8Array): PictureType | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 16));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  const ascii = head.toString('latin1');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'gif';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/** What a refused file looks like, in words a secretary knows, for the refusal message. */
export function describeFile(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  const ascii = head.toString('latin1');
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (ascii.startsWith('MZ') || ascii.startsWith('\x7fELF') || ascii.startsWith('#!'))
    return '程序或脚本';
  if (ascii.startsWith('%PDF')) return 'PDF 文档';
  if (ascii.startsWith('PK\x03\x04') || ascii.startsWith('Rar!') || ascii.startsWith('7z\xbc\xaf'))
    return '压缩包或 Office 文档';
  if (ascii.slice(4, 8) === 'ftyp')
    return /^(?:avi[fs]|hei[cx]|mif1)/.test(ascii.slice(8, 12))
      ? 'HEIC/AVIF 照片（苹果手机的“高效”格式）'
      : '视频';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(text))
    return 'SVG 矢量图（其中可以藏脚本）';
  if (/^(?:<!doctype html|<html|<head|<body|<script|<meta|<!--)/.test(text)) return '网页（HTML）';
  if (text.startsWith('<')) return '网页或 XML 文件';
  return '不是图片的文件';
}
