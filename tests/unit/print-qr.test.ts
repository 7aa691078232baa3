import QRCode from 'qrcode';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrModuleMm, qrSvg } from '@/lib/qr-svg';

/** Rasterises the qrcode package's SVG path (runs of `h` strokes, one per module row). */
function rasterise(svg: string, scale = 4): { data: Uint8ClampedArray; width: number } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const dark = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of dark.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (op === 'M') [x, y] = [Number(a), Number(b)];
    else if (op === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      const row = Math.floor(y);
      for (let col = x; col < x + Number(a); col++)
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) {
            const i = ((row * scale + dy) * width + col * scale + dx) * 4;
            data[i] = data[i + 1] = data[i + 2] = 0;
          }
      x += Number(a);
    }
  }
  return { data, width };
}

describe('QR codes', () => {
  const url = 'https://qiaobei.example.cn/study/2026-10/';

  it('encodes the address with error correction M and a 4-module quiet zone', async () => {
    const { svg, modules } = await qrSvg(url);
    const symbol = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(symbol.errorCorrectionLevel.bit).toBe(
      QRCode.create('x', { errorCorrectionLevel: 'M' }).errorCorrectionLevel.bit,
    );
    expect(modules).toBe(symbol.modules.size + 8);
    expect(svg).toMatch(new RegExp(`^<svg[^>]*viewBox="0 0 ${modules} ${modules}"`));
    // Nothing dark in the 4-module border, and the symbol starts right after it.
    const scale = 4;
    const { data, width } = rasterise(svg, scale);
    const dark = (col: number, row: number) => data[(row * scale * width + col * scale) * 4] === 0;
    for (let i = 0; i < modules; i++)
      for (const q of [0, 1, 2, 3, modules - 4, modules - 3, modules - 2, modules - 1]) {
        expect(dark(i, q)).toBe(false);
        expect(dark(q, i)).toBe(false);
      }
    expect(dark(4, 4)).toBe(true);
  });

  it('decodes back to the same address', async () => {
    const { svg } = await qrSvg(url);
    const { data, width } = rasterise(svg);
    expect(jsQR(data, width, width)?.data).toBe(url);
  });

  it('keeps modules large enough to scan at poster sizes', async () => {
    const { modules } = await qrSvg(
      'https://qiaobei.example.cn/reports/2026-08-31-quanqu-lianxi-qunzhong-zongjie/',
    );
    // 46 mm on A3 and 32.5 mm on A4: modules stay at or above 0.5 mm.
    expect(qrModuleMm(46, modules)).toBeGreaterThan(0.7);
    expect(qrModuleMm(46 * 0.7071, modules)).toBeGreaterThan(0.5);
  });
});
