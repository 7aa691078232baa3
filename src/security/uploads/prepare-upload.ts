import { cleanPicture } from './clean.ts';
import { uploadName } from './names.ts';
import { describeFile, sniffPicture, type PictureType } from './sniff.ts';

/** Bigger than any phone photo sent without “原图”; the site shrinks what it accepts anyway. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type PreparedUpload =
  | { ok: true; name: string; type: PictureType; bytes: Buffer; width: number; height: number }
  | { ok: false; message: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

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
  if (!type)
    return {
      ok: false,
      message: `“${shown}”不是图片（看起来是${describeFile(bytes)}），不能上传：网站只接受 JPG、PNG、WebP、GIF 图片。请在手机或电脑上把它另存为 JPG 或 PNG 后再上传`,
    };
  if (bytes.length > MAX_UPLOAD_BYTES)
    return {
      ok: false,
      message: `“${shown}”太大（${megabytes(bytes.length)}，上限 ${megabytes(MAX_UPLOAD_BYTES)}）：请用微信发送时不要勾选“原图”，或在手机相册里“编辑”后保存一张小一些的，再上传。网站会自动把照片缩小到合适的尺寸`,
    };
  try {
    const clean = await cleanPicture(bytes, type);
    const name = uploadName(shown, type, (candidate) => taken(candidate, clean.bytes));
    return { ok: true, name, type, ...clean };
  } catch {
    return {
      ok: false,
      message: `“${shown}”已损坏，无法作为图片打开：请重新拍摄或导出后再上传`,
    };
  }
}
