import { cleanPicture } from './clean.ts';
import { uploadName } from './names.ts';
import {
  brokenPictureMessage,
  MAX_UPLOAD_BYTES,
  notPictureMessage,
  tooBigMessage,
} from './messages.ts';
import { describeFile, sniffPicture, type PictureType } from './sniff.ts';

export type PreparedUpload =
  | { ok: true; name: string; type: PictureType; bytes: Buffer; width: number; height: number }
  | { ok: false; message: string };

/**
 * The upload rules: only JPEG, PNG, WebP and GIF, recognised by their bytes; not over
 * MAX_UPLOAD_BYTES; re-encoded without metadata and shrunk to a sensible size; saved under a
 * readable, safe name that `taken` does not already hold for other bytes.
 */
export async function prepareUpload(
  fileName: string,
  bytes: Buffer,
  taken: (name: string, cleaned: Buffer) => boolean = () => false,
): Promise<PreparedUpload> {
  const shown = fileName.split(/[\\/]/).pop() || '上传的文件';
  const type = sniffPicture(bytes);
  if (!type) return { ok: false, message: notPictureMessage(shown, describeFile(bytes)) };
  if (bytes.length > MAX_UPLOAD_BYTES)
    return { ok: false, message: tooBigMessage(shown, bytes.length) };
  try {
    const clean = await cleanPicture(bytes, type);
    const name = uploadName(shown, type, (candidate) => taken(candidate, clean.bytes));
    return { ok: true, name, type, ...clean };
  } catch {
    return { ok: false, message: brokenPictureMessage(shown) };
  }
}
