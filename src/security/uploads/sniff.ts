/** The picture formats the site accepts, recognised by their bytes (never by the file name). */
export type PictureType = 'jpeg' | 'png' | 'webp' | 'gif';

/** File name extension for each picture type. */
export const PICTURE_EXTENSION: Record<PictureType, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bytes as Latin-1 text, so signatures compare byte for byte (works in the browser too). */
function latin1(bytes: Uint8Array, length: number): string {
  return String.fromCharCode(...bytes.subarray(0, length));
}

/** What the first bytes say the file is, when it is one of the accepted pictures. */
export function sniffPicture(bytes: Uint8Array): PictureType | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return 'png';
  const ascii = latin1(bytes, 16);
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'gif';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/** What a refused file looks like, in words a secretary knows, for the refusal message. */
export function describeFile(bytes: Uint8Array): string {
  const ascii = latin1(bytes, 1024);
  const text = new TextDecoder()
    .decode(bytes.subarray(0, 1024))
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
      ? 'HEIC/AVIF 照片，苹果手机的“高效”格式'
      : '视频';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(text))
    return 'SVG 矢量图，其中可以藏脚本';
  if (/^(?:<!doctype html|<html|<head|<body|<script|<meta|<!--)/.test(text)) return '网页（HTML）';
  if (text.startsWith('<')) return '网页或 XML 文件';
  return '不是图片的文件';
}
