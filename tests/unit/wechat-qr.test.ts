import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrPng } from '@/lib/wechat/qr-png';

describe('qrPng', () => {
  it('is a PNG that decodes to the address, with a 4-module quiet zone', async () => {
    const url = 'https://qiaobei.example.cn/reports/2026-08-31-quanqu-lianxi-qunzhong-zongjie/';
    const png = PNG.sync.read(await qrPng(url));
    expect(png.width).toBe(png.height);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url);
    // 8 px a module: the first 32 px of every edge are white.
    for (let i = 0; i < png.width; i++)
      for (const [x, y] of [
        [i, 0],
        [i, 31],
        [0, i],
        [31, i],
      ] as const)
        expect(png.data[(y * png.width + x) * 4]).toBe(255);
  });
});
