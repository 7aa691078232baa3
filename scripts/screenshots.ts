/**
 * Screenshots of built pages at phone and desktop width, for looking at the design:
 *   npm run build && npm run screenshots -- / /contacts/ /reports/<id>/
 * Pictures go to screenshots/ (not committed).
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/'];
const widths = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
];
mkdirSync('screenshots', { recursive: true });
const server = await serveStatic(process.env.SITE_DIR ?? 'dist');
const browser = await launchChromium();
try {
  for (const viewport of widths) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    for (const path of paths) {
      await page.goto(server.url + path);
      const file = `screenshots/${viewport.name}${path.replace(/\/+/g, '_').replace(/_$/, '') || '_home'}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE !== '0' });
      console.log(`已保存 ${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
