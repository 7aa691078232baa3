import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { isImageFile } from '../lib/image-extension.ts';
import { bodyFirstLine, bodyReferences } from './body-references.ts';
import { entryPagePath, siteUrlOf } from './entry-page.ts';
import { describeNonPicture, imageFormat, svgHasScript } from './image-file.ts';
import { errorUnlessDraft, type Problem } from './problem.ts';
import type { RawEntry } from './read-entries.ts';
import { resolveAddress } from './site-address.ts';

/** Front-matter fields that hold an image, by collection. */
const IMAGE_FIELDS: Partial<Record<RawEntry['collection'], { key: string; field: string }[]>> = {
  study: [{ key: 'cover', field: '封面图片（cover）' }],
  contacts: [{ key: 'photo', field: '照片（photo）' }],
};

interface ImageUse {
  url: string;
  line?: number | undefined;
  field: string;
}

function usesOf(entry: RawEntry): ImageUse[] {
  const uses: ImageUse[] = [];
  const data = (entry.data ?? {}) as Record<string, unknown>;
  for (const { key, field } of IMAGE_FIELDS[entry.collection] ?? []) {
    const value = data[key];
    // A value that is not an image file name is already reported by the schema.
    if (typeof value === 'string' && isImageFile(value.trim()))
      uses.push({ url: value.trim(), line: entry.lineOf([key]), field });
  }
  const first = bodyFirstLine(entry.source, entry.body);
  for (const ref of bodyReferences(entry.body, first))
    if (ref.kind === 'image') uses.push({ url: ref.url, line: ref.line, field: '正文中的图片' });
  return uses;
}

/** Problem with one image use, or undefined when the image is on the site and is an image. */
function checkImage(
  publicDir: string,
  entry: RawEntry,
  use: ImageUse,
  siteUrl?: string,
): string | undefined {
  const address = resolveAddress(use.url, entryPagePath(entry), siteUrl);
  switch (address.kind) {
    case 'script':
      return undefined; // reported by the unsafe-HTML check
    case 'data':
      return '图片不能直接嵌在文字里（data: 地址会被删除）：请用“上传图片”把图片放进媒体库';
    case 'external':
      return `网站只显示本站的图片，外部图片 ${use.url} 会被安全策略拦截：请把图片下载后上传到媒体库`;
    case 'other':
      return `图片地址 ${use.url} 无法识别：应写成 /uploads/图片名.jpg 这样以 / 开头的地址`;
    case 'local':
      break;
  }
  const path = normalize(join(publicDir, address.path));
  if (!path.startsWith(publicDir + sep))
    return `图片地址 ${use.url} 超出了网站目录：请用上传后得到的地址`;
  if (!existsSync(path) || !statSync(path).isFile())
    return `找不到图片 ${use.url}：网站的 public${address.path} 不存在。请确认图片已上传，文件名（含大小写）与这里一致`;
  if (imageFormat(path)) return undefined;
  const kind = describeNonPicture(path);
  if (kind.startsWith('SVG')) {
    const script = svgHasScript(readFileSync(path, 'utf8'))
      ? '这个文件含有脚本或事件代码，单独打开时会在网站上运行'
      : 'SVG 里可以藏脚本，单独打开时会在网站上运行';
    return `${use.url} 是 SVG 矢量图，网站不接受（${script}）：请另存为 PNG 或 JPG 后重新上传`;
  }
  return `${use.url} 不是图片（看起来是${kind}）：网站只接受 JPG、PNG、WebP、GIF 图片。请重新导出或另存为 JPG/PNG 后上传`;
}

/**
 * Every cover, photo and body image must be a file under `public/` that really is an image:
 * a missing upload or a renamed document would otherwise show a broken picture to residents.
 */
export function imageProblems(
  publicDir: string,
  entries: readonly RawEntry[],
  /** Filled with the files reported here as errors, so the media folder check does not repeat them. */
  reported: Set<string> = new Set(),
): Problem[] {
  const siteUrl = siteUrlOf(entries);
  const problems: Problem[] = [];
  for (const entry of entries) {
    const isDraft = (entry.data as { draft?: unknown } | null)?.draft === true;
    for (const use of usesOf(entry)) {
      const message = checkImage(publicDir, entry, use, siteUrl);
      if (message && !isDraft && use.url.startsWith('/'))
        reported.add(normalize(join(publicDir, decodeURI(use.url.split(/[?#]/)[0] ?? ''))));
      if (message)
        problems.push(
          errorUnlessDraft(isDraft, entry.file, message, {
            field: use.field,
            ...(use.line === undefined ? {} : { line: use.line }),
          }),
        );
    }
  }
  return problems;
}
