/** Upload limits and refusals, shared by the CMS page (at selection) and the write path (at save). */

/** Bigger than any phone photo sent without “原图”; the site shrinks what it accepts anyway. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function notPictureMessage(name: string, kind: string): string {
  return `“${name}”不是图片（看起来是${kind}），不能上传：网站只接受 JPG、PNG、WebP、GIF 图片。请在手机或电脑上把它另存为 JPG 或 PNG 后再上传`;
}

export function tooBigMessage(name: string, bytes: number): string {
  return `“${name}”太大（${megabytes(bytes)}，上限 ${megabytes(MAX_UPLOAD_BYTES)}）：请用微信发送时不要勾选“原图”，或在手机相册里“编辑”后保存一张小一些的，再上传。网站会自动把照片缩小到合适的尺寸`;
}

export function brokenPictureMessage(name: string): string {
  return `“${name}”已损坏，无法作为图片打开：请重新拍摄或导出后再上传`;
}
