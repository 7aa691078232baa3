import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const MM_PER_PT = 25.4 / 72;

/** Each page's MediaBox in millimetres, read from the PDF's page objects (or their parent). */
export function pdfPageSizes(pdf: Buffer): { width: number; height: number }[] {
  const objects = [...pdf.toString('latin1').matchAll(/\d+ 0 obj([\s\S]*?)endobj/g)].map(
    (m) => m[1]!,
  );
  const mediaBox = (body: string) =>
    /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(body);
  const inherited = objects.find((body) => /\/Type\s*\/Pages\b/.test(body) && mediaBox(body));
  return objects
    .filter((body) => /\/Type\s*\/Page(?![s\w])/.test(body))
    .map((body) => {
      const box = mediaBox(body) ?? (inherited ? mediaBox(inherited) : null);
      if (!box) throw new Error('PDF 页面缺少 MediaBox');
      const [x0, y0, x1, y1] = box.slice(1).map(Number) as [number, number, number, number];
      return { width: (x1 - x0) * MM_PER_PT, height: (y1 - y0) * MM_PER_PT };
    });
}

/** Prints the current page as the browser would, using the page's own @page size. */
export function printToPdf(page: Page): Promise<Buffer> {
  return page.pdf({ preferCSSPageSize: true, printBackground: true });
}

/** Runs a poppler tool (pdftotext, pdftoppm, pdfinfo) on a PDF held in memory. */
export function withPdfFile<T>(pdf: Buffer, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'print-pdf-'));
  try {
    const file = join(dir, 'page.pdf');
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text laid out as on paper, one printed line per line (pdftotext -layout). */
export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (file) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** Page count as poppler's pdfinfo reports it, to cross-check the MediaBox parser. */
export function pdfInfoPages(pdf: Buffer): number {
  return withPdfFile(pdf, (file) => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  });
}
