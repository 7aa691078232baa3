import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { mediaFolderProblems } from '@/checks/media-folder';
import { hasGps } from '@/security/uploads/gps';
import { uploadName } from '@/security/uploads/names';
import { prepareUpload } from '@/security/uploads/prepare-upload';
import { describeFile, sniffPicture } from '@/security/uploads/sniff';
import {
  HTML_PAGE,
  RENAMED_EXE,
  SVG_ONLOAD,
  ZIP_ARCHIVE,
  phonePhoto,
  smallPng,
} from '../fixtures/uploads/bad-uploads';

const work = mkdtempSync(join(tmpdir(), 'uploads-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('按内容识别图片', () => {
  it('JPEG、PNG、WebP、GIF 是图片，和文件名无关', async () => {
    const pixel = sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } });
    expect(sniffPicture(await pixel.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffPicture(await pixel.clone().png().toBuffer())).toBe('png');
    expect(sniffPicture(await pixel.clone().webp().toBuffer())).toBe('webp');
    expect(sniffPicture(await pixel.clone().gif().toBuffer())).toBe('gif');
    expect(sniffPicture(await pixel.clone().avif().toBuffer())).toBeUndefined();
  });

  it.each([
    [HTML_PAGE, '网页（HTML）'],
    [SVG_ONLOAD, 'SVG 矢量图'],
    [RENAMED_EXE, '程序或脚本'],
    [ZIP_ARCHIVE, '压缩包'],
    [Buffer.from('#!/bin/sh\nrm -rf /'), '程序或脚本'],
    [Buffer.from('%PDF-1.7'), 'PDF 文档'],
  ])('不是图片：%#', (bytes, kind) => {
    expect(sniffPicture(bytes)).toBeUndefined();
    expect(describeFile(bytes)).toContain(kind);
  });
});

describe('上传的文件名', () => {
  it.each([
    ['微信图片_20261201093015.png', 'png', 'weixin-tupian-20261201093015.png'],
    ['封面.png', 'png', 'fengmian.png'],
    ['入户走访照片（1）.JPG', 'jpeg', 'ruhu-zoufang-zhaopian-1.jpg'],
    ['IMG_2033.jpeg', 'jpeg', 'img-2033.jpg'],
    ['.png', 'png', 'tupian.png'],
    ['——.gif', 'gif', 'tupian.gif'],
    ['../../etc/passwd.png', 'png', 'passwd.png'],
    ['照片.png', 'jpeg', 'zhaopian.jpg'],
  ] as const)('%s → %s', (name, type, expected) => {
    expect(uploadName(name, type)).toBe(expected);
  });

  it('重名时加 -2、-3', () => {
    const taken = new Set(['fengmian.png', 'fengmian-2.png']);
    expect(uploadName('封面.png', 'png', (n) => taken.has(n))).toBe('fengmian-3.png');
  });
});

describe('去掉拍摄信息', () => {
  it('GPS 识别与 exifr 一致；清理后没有 GPS、手机型号和拍摄者，方向转正', async () => {
    const photo = await phonePhoto();
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(39.9087, 3) });
    expect(hasGps(photo)).toBe(true);
    const clean = await prepareUpload('visit.jpg', photo);
    expect(clean.ok).toBe(true);
    if (!clean.ok) return;
    expect(hasGps(clean.bytes)).toBe(false);
    expect(await exifr.parse(clean.bytes, true)).toBeUndefined();
    expect([clean.width, clean.height]).toEqual([600, 800]);
    expect(hasGps(await smallPng())).toBe(false);
  });

  it('太大的文件：中文说明怎么办', async () => {
    const big = Buffer.concat([await smallPng(), Buffer.alloc(21 * 1024 * 1024)]);
    const result = await prepareUpload('原图.png', big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/“原图.png”太大.*不要勾选“原图”/);
  });
});

describe('媒体文件夹检查', () => {
  it('不是图片的文件是错误，带 GPS 的照片是提醒，空的 .gitkeep 可以有', async () => {
    const publicDir = join(work, 'public');
    const uploads = join(publicDir, 'uploads');
    mkdirSync(join(uploads, 'old'), { recursive: true });
    writeFileSync(join(uploads, 'evil.html'), HTML_PAGE);
    writeFileSync(join(uploads, 'old', 'logo.svg'), SVG_ONLOAD);
    writeFileSync(join(uploads, '.htaccess'), 'AddType text/html .jpg');
    writeFileSync(join(uploads, '.gitkeep'), '');
    writeFileSync(join(uploads, 'visit.jpg'), await phonePhoto());
    writeFileSync(join(uploads, 'ok.png'), await smallPng());
    const problems = mediaFolderProblems(work, publicDir);
    expect(
      problems.map((p) => [p.severity, p.file]).sort((a, b) => a[1]!.localeCompare(b[1]!)),
    ).toEqual([
      ['error', 'public/uploads/.htaccess'],
      ['error', 'public/uploads/evil.html'],
      ['error', 'public/uploads/old/logo.svg'],
      ['warning', 'public/uploads/visit.jpg'],
    ]);
  });
});
