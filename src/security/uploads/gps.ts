/**
 * True when a picture carries GPS coordinates: an EXIF GPS directory (JPEG APP1, PNG eXIf, WebP
 * EXIF) or GPS fields in XMP. Synchronous and dependency-free so `npm run check` can scan the
 * whole media folder quickly.
 */
export function hasGps(bytes: Buffer): boolean {
  if (/GPSLatitude|GPSLongitude/.test(bytes.toString('latin1'))) return true;
  for (const tiff of exifBlocks(bytes)) if (tiffHasGps(tiff)) return true;
  return false;
}

function* exifBlocks(bytes: Buffer): Generator<Buffer> {
  const latin = bytes.toString('latin1');
  // JPEG APP1 "Exif\0\0", WebP "EXIF" chunk (with or without that prefix), PNG "eXIf" chunk.
  for (let at = latin.indexOf('Exif\0\0'); at !== -1; at = latin.indexOf('Exif\0\0', at + 6))
    yield bytes.subarray(at + 6);
  for (const tag of ['eXIf', 'EXIF'])
    for (let at = latin.indexOf(tag); at !== -1; at = latin.indexOf(tag, at + 4)) {
      const start = at + (tag === 'eXIf' ? 4 : 8);
      yield bytes.subarray(start);
    }
}

function tiffHasGps(tiff: Buffer): boolean {
  if (tiff.length < 8) return false;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return false;
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return false;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return false;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return false;
    if (u16(entry) === 0x8825) return true;
  }
  return false;
}
