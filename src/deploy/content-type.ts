import mime from 'mime';

/** The Content-Type to store with a file, with the charset spelled out for text. */
export function contentTypeFor(path: string): string {
  if (path.endsWith('.pagefind') || /\.pf_[a-z]+$/.test(path)) return 'application/octet-stream';
  const type = mime.getType(path) ?? 'application/octet-stream';
  const textual =
    type.startsWith('text/') ||
    ['application/javascript', 'application/json', 'application/xml', 'image/svg+xml'].includes(
      type,
    ) ||
    type.endsWith('+xml');
  return textual ? `${type}; charset=utf-8` : type;
}
