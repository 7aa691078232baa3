import QRCode from 'qrcode';

export interface QrOptions {
  /** M by default; Q for a poster behind glass. */
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  /** Quiet zone in modules; scanners want at least 4. */
  quietZone?: number;
}

export interface QrSvg {
  /** An `<svg>` element scaled by its container (viewBox only, no fixed size). */
  svg: string;
  /** Modules across, quiet zone included. */
  modules: number;
}

// Several pages show the same code (a poster in two sizes, every card on a sheet): encode it once.
const made = new Map<string, Promise<QrSvg>>();

/** A QR code as inline SVG, black on white, crisp at any print size. */
export function qrSvg(text: string, options: QrOptions = {}): Promise<QrSvg> {
  const errorCorrectionLevel = options.errorCorrectionLevel ?? 'M';
  const margin = options.quietZone ?? 4;
  const key = `${errorCorrectionLevel} ${margin} ${text}`;
  let result = made.get(key);
  if (!result) {
    result = encode(text, errorCorrectionLevel, margin);
    made.set(key, result);
    result.catch(() => made.delete(key));
  }
  return result;
}

async function encode(
  text: string,
  errorCorrectionLevel: NonNullable<QrOptions['errorCorrectionLevel']>,
  margin: number,
): Promise<QrSvg> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel,
    margin,
    color: { dark: '#000000', light: '#ffffff' },
  });
  // The viewBox is the symbol plus its quiet zone, so the code need not be encoded twice.
  const viewBox = /viewBox="0 0 (\d+) /.exec(svg)?.[1];
  const modules = viewBox
    ? Number(viewBox)
    : QRCode.create(text, { errorCorrectionLevel }).modules.size + 2 * margin;
  return { svg: svg.trim(), modules };
}

/** Width of one module in millimetres when the whole code is printed `widthMm` wide. */
export function qrModuleMm(widthMm: number, modules: number): number {
  return widthMm / modules;
}
