import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cleanPublishedUploads } from '../pictures/clean-published.ts';
import { DEFAULT_CACHE, makeVariants, variant } from '../pictures/make-variants.ts';
import { parseVariantUrl } from '../pictures/variants.ts';

const TYPES = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' } as const;

/**
 * Pictures in the sizes pages ask for: made after the build (cached by content hash, so only new
 * pictures cost time) and, in the dev server, on first request.
 */
export function pictureVariants(): AstroIntegration {
  let publicDir = '';
  let cacheDir = '';
  return {
    name: 'picture-variants',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = join(fileURLToPath(config.root), DEFAULT_CACHE);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/_pictures', (req, res, next) => {
          const parsed = parseVariantUrl(`/_pictures${decodeURI(req.url ?? '')}`);
          const source = parsed
            ? ['jpg', 'jpeg', 'png', 'webp', 'JPG', 'JPEG', 'PNG']
                .map((ext) => join(publicDir, `${parsed.stem}.${ext}`))
                .find((path) => existsSync(path))
            : undefined;
          if (!parsed || !source) return next();
          variant(readFileSync(source), parsed.width, parsed.format, cacheDir).then(({ path }) => {
            res.setHeader('content-type', TYPES[parsed.format]);
            res.end(readFileSync(path));
          }, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const published = await cleanPublishedUploads(outDir);
        if (published.removed.length > 0)
          logger.warn(`已从网站中删除不是图片的文件：${published.removed.join('、')}`);
        if (published.cleaned.length > 0)
          logger.warn(
            `这些图片带有拍摄信息（可能含拍摄地点），网站上发布的是去掉信息的副本：${published.cleaned.join('、')}`,
          );
        const stats = await makeVariants(publicDir, outDir, cacheDir);
        logger.info(
          `图片：${stats.pictures} 张，生成 ${stats.made} 个尺寸，沿用缓存 ${stats.reused} 个（${Math.round(performance.now() - started)} 毫秒）`,
        );
      },
    },
  };
}
