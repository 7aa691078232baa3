/** The picture formats an entry may name, by extension: one rule for the schema and the checks. */
const EXTENSION = String.raw`\.(?:jpe?g|png|webp|gif|avif|svg)`;

/** A file name ending in a picture extension: `photo.JPG`, `/uploads/a.webp`. */
export const IMAGE_FILE = new RegExp(`${EXTENSION}$`, 'i');

/** The same formats as a reader sees them listed in an error message. */
export const IMAGE_FORMATS_TEXT = 'jpg、png、webp、gif、avif 或 svg';

/** Whether a file name or path ends in a picture extension. */
export function isImageFile(name: string): boolean {
  return IMAGE_FILE.test(name);
}

const IMAGE_ADDRESS = new RegExp(`${EXTENSION}(?:[?#].*)?$`, 'i');

/** Whether an address names a picture, allowing a query or fragment: `/uploads/a.png?v=2`. */
export function isImageAddress(url: string): boolean {
  return IMAGE_ADDRESS.test(url);
}
