import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { browserTest as test } from '../support/browser-test';
import { repoRoot, runBuild } from '../support/run-build';
import { serveStatic } from '../support/static-server';
import { HTML_PAGE, RENAMED_EXE, SVG_ONLOAD, phonePhoto } from '../fixtures/uploads/bad-uploads';

/**
 * Pictures that reached the repository without the CMS (through a git host): `npm run check`
 * and the build refuse what is not a picture, warn about GPS, and the built site serves only
 * clean pictures in sizes that fit a phone.
 */

const work = mkdtempSync(join(tmpdir(), 'uploads-build-'));
const content = join(work, 'content');
const publicDir = join(work, 'public');
const uploads = join(publicDir, 'uploads');
// Inside the project: Astro keeps a build's temporary files next to an outDir within the
// working folder, and in a shared .astro/ for any other, where parallel builds collide.
const outDir = join(repoRoot, 'tests/.output/uploads-build-site');
const PHOTOS = ['visit-1.jpg', 'visit-2.jpg', 'visit-3.jpg'];
let buildOutput = '';

function check(): { code: number; output: string } {
  const result = spawnSync(process.execPath, [join(repoRoot, 'src/checks/cli.ts'), repoRoot], {
    env: { ...process.env, SITE_CONTENT_DIR: content, SITE_PUBLIC_DIR: publicDir },
    encoding: 'utf8',
  });
  return { code: result.status ?? 1, output: result.stdout + result.stderr };
}

async function build() {
  process.env.SITE_PUBLIC_DIR = publicDir;
  try {
    return await runBuild({ outDir, contentDir: content });
  } finally {
    delete process.env.SITE_PUBLIC_DIR;
  }
}

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
        statSync(join(dir, name)).isFile(),
      )
    : [];

beforeAll(async () => {
  cpSync(join(repoRoot, 'content'), content, { recursive: true });
  cpSync(join(repoRoot, 'public'), publicDir, { recursive: true });
  mkdirSync(uploads, { recursive: true });
  // Three phone photos as a phone takes them: 4000×3000, GPS and device in EXIF.
  for (const name of PHOTOS) writeFileSync(join(uploads, name), await phonePhoto(4000, 3000, 92));
  const file = join(content, 'study/2026-10.md');
  const text = readFileSync(file, 'utf8')
    .replace('---\n', '---\ncover: /uploads/visit-1.jpg\ncoverAlt: 入户走访\n')
    .concat(PHOTOS.map((name, i) => `\n![走访照片 ${i + 1}](/uploads/${name})\n`).join(''));
  writeFileSync(file, text);
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('媒体文件夹里不是图片的文件', () => {
  test('npm run check 和构建都拒绝，中文说明是哪个文件；网站里没有它们', async () => {
    const bad = { 'evil.html': HTML_PAGE, 'evil.svg': SVG_ONLOAD, 'setup.jpg': RENAMED_EXE };
    for (const [name, bytes] of Object.entries(bad)) writeFileSync(join(uploads, name), bytes);
    try {
      const { code, output } = check();
      expect(code).toBe(1);
      for (const name of Object.keys(bad)) expect(output).toContain(`public/uploads/${name}`);
      expect(output).toContain('媒体文件夹里只能放图片');
      expect(output).toContain('看起来是网页（HTML）');
      expect(output).toContain('看起来是SVG 矢量图');
      expect(output).toContain('看起来是程序或脚本');
      const built = await build();
      expect(built.code).not.toBe(0);
      expect(built.output).toContain('媒体文件夹里只能放图片');
      const served = filesUnder(outDir).join('\n');
      for (const name of Object.keys(bad)) expect(served).not.toContain(name);
    } finally {
      for (const name of Object.keys(bad)) rmSync(join(uploads, name));
    }
  }, 300_000);

  test('带拍摄地点的照片：npm run check 提醒，但不阻止发布', () => {
    const { code, output } = check();
    expect(code).toBe(0);
    for (const name of PHOTOS) expect(output).toContain(`public/uploads/${name}`);
    expect(output).toContain('这张图片带有拍摄地点（GPS 坐标）');
  });
});

describe('构建出的网站上的图片', () => {
  beforeAll(async () => {
    const built = await build();
    buildOutput = built.output;
    expect(built.code, built.output).toBe(0);
  }, 600_000);

  test('没有一张图片带 GPS 或拍摄信息', async () => {
    const pictures = filesUnder(outDir).filter((name) => /\.(?:jpe?g|png|webp)$/.test(name));
    expect(pictures.filter((name) => name.startsWith('_pictures/')).length).toBeGreaterThan(0);
    for (const name of pictures) {
      const bytes = readFileSync(join(outDir, name));
      expect(await exifr.gps(bytes).catch(() => undefined), name).toBeUndefined();
      const device = await exifr.parse(bytes, ['Make', 'Model', 'Artist']).catch(() => undefined);
      expect(device, name).toBeUndefined();
    }
    console.log(buildOutput.match(/图片：.*/)?.[0]);
  });

  test('文章里的照片：WebP 加 JPEG 备用，srcset/sizes，宽高，首屏以下延迟加载；每个文件不超过 400 kB', () => {
    const html = readFileSync(join(outDir, 'study/2026-10/index.html'), 'utf8');
    const pictures = html.match(/<picture>[\s\S]*?<\/picture>/g) ?? [];
    expect(pictures).toHaveLength(4);
    for (const picture of pictures) {
      expect(picture).toMatch(
        /<source type="image\/webp" srcset="[^"]+ 360w, [^"]+ 720w, [^"]+ 1080w"/,
      );
      expect(picture).toMatch(/<img [^>]*srcset="[^"]+-360\.jpg 360w/);
      expect(picture).toMatch(/sizes="\(max-width: 46rem\)/);
      // Phone photos are stored sideways with an orientation tag: shown upright.
      expect(picture).toMatch(/width="3000" height="4000"/);
      // Never the original: a phone would download the whole photo.
      expect(picture).not.toMatch(/(?:src|srcset)="\/uploads\//);
    }
    expect(pictures[0]).toContain('loading="eager"');
    for (const picture of pictures.slice(1)) expect(picture).toContain('loading="lazy"');
    const screen = filesUnder(join(outDir, '_pictures')).filter((n) => !/-2000\./.test(n));
    for (const name of screen)
      expect(statSync(join(outDir, '_pictures', name)).size, name).toBeLessThanOrEqual(400_000);
  });

  test('海报上的封面有印刷用的 2000 像素宽度', () => {
    const html = readFileSync(join(outDir, 'study/2026-10/poster/index.html'), 'utf8');
    expect(html).toMatch(/visit-1-2000\.webp 2000w/);
  });

  test('手机（360 像素宽）上打开有三张照片的文章，图片一共不到 600 kB', async ({ browser }) => {
    const server = await serveStatic(outDir);
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      const loaded = new Map<string, number>();
      page.on('response', async (response) => {
        if (response.request().resourceType() !== 'image') return;
        const body = await response.body().catch(() => Buffer.alloc(0));
        loaded.set(response.url(), body.length);
      });
      await page.goto(`${server.url}/study/2026-10/`);
      // Scroll to the end, as a reader does, so the lazy pictures load too.
      for (const picture of await page.locator('article picture img').all()) {
        await picture.scrollIntoViewIfNeeded();
        await page.waitForFunction(
          (img) => (img as HTMLImageElement).complete,
          await picture.elementHandle(),
        );
      }
      await page.waitForLoadState('networkidle');
      const photos = [...loaded].filter(([url]) => url.includes('/_pictures/'));
      expect(photos.length).toBeGreaterThanOrEqual(3);
      expect(photos.every(([url]) => url.endsWith('.webp'))).toBe(true);
      const total = photos.reduce((sum, [, bytes]) => sum + bytes, 0);
      console.log(
        `360 像素宽的手机：${photos.length} 个图片文件，共 ${Math.round(total / 1000)} kB`,
      );
      expect(total).toBeLessThan(600_000);
    } finally {
      await server.close();
    }
  }, 120_000);
});
