import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_MEDIA_FOLDER } from '../cms/names.ts';
import { hasGps } from '../security/uploads/gps.ts';
import { describeNonPicture, imageFormat, readHead } from './image-file.ts';
import { error, warning, type Problem } from './problem.ts';
import { displayPath } from './read-entries.ts';

/** EXIF sits at the start of a phone photo; reading this much finds it without reading whole files. */
const METADATA_BYTES = 256 * 1024;

/**
 * Everything in the media folder is served as it is, from the site's own address: only pictures
 * may sit there (uploads also arrive through a git host, past the CMS), and pictures should not
 * carry GPS coordinates (a photo taken in a resident's home gives away the address).
 */
export function mediaFolderProblems(
  root: string,
  publicDir: string,
  /** Files already reported as errors where an entry uses them. */
  reported: ReadonlySet<string> = new Set(),
): Problem[] {
  const media = join(publicDir, PUBLIC_MEDIA_FOLDER);
  if (!existsSync(media)) return [];
  const problems: Problem[] = [];
  for (const name of readdirSync(media, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(media, name);
    const stat = statSync(path);
    if (!stat.isFile()) continue;
    const file = displayPath(root, path);
    // Git keeps an empty folder with an empty placeholder file.
    if (stat.size === 0 && /(?:^|\/)\.git(?:keep|ignore)$/.test(name)) continue;
    if (!imageFormat(path)) {
      if (reported.has(path)) continue;
      problems.push(
        error(
          file,
          `媒体文件夹里只能放图片，这个文件不是（看起来是${describeNonPicture(path)}）：它会原样出现在网站上，可能在网站上运行代码。请删除它；需要的图片请另存为 JPG 或 PNG 后通过“上传图片”上传`,
          { field: '媒体文件' },
        ),
      );
      continue;
    }
    if (hasGps(readHead(path, METADATA_BYTES)))
      problems.push(
        warning(
          file,
          '这张图片带有拍摄地点（GPS 坐标），在居民家里拍的照片会暴露住址：请删除后通过内容管理重新上传（上传时会自动去掉拍摄地点和手机型号）',
          { field: '媒体文件' },
        ),
      );
  }
  return problems;
}
