/**
 * Lighthouse scores for the pages residents read, on a phone profile, with Debian's Chromium
 * (never a downloaded browser). Prints the scores; it does not fail on them.
 *   npm run build && npm run lighthouse            (dist/)
 *   npm run lighthouse -- tests/.output/sample-site /study/2026-05/
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  entryPath,
  homePath,
  reportStatsPath,
  sectionPath,
  type EntrySection,
} from '../src/lib/routes.ts';
import { chromiumPath } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const [dir = 'dist', ...paths] = process.argv.slice(2);
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`在 ${dir} 里找不到构建好的网站，请先运行 npm run build。`);
  process.exit(1);
}

/** The first entry of a section, so every page type is measured. */
function firstEntry(section: EntrySection): string[] {
  const ids = readdirSync(join(dir, section), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'stats')
    .map((entry) => entry.name)
    .sort();
  return ids[0] ? [entryPath(section, ids[0])] : [];
}

const pages =
  paths.length > 0
    ? paths
    : [
        homePath,
        sectionPath('notices'),
        ...firstEntry('notices'),
        sectionPath('study'),
        ...firstEntry('study'),
        sectionPath('reports'),
        ...firstEntry('reports'),
        reportStatsPath,
        sectionPath('contacts'),
        ...(existsSync(join(dir, 'search/index.html')) ? [sectionPath('search')] : []),
      ];

const CATEGORIES = [
  ['performance', '性能'],
  ['accessibility', '无障碍'],
  ['best-practices', '最佳实践'],
  ['seo', 'SEO'],
] as const;

const server = await serveStatic(dir);
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
console.log(
  `Lighthouse ${CATEGORIES.map(([, name]) => name).join(' / ')}（手机模拟，${pages.length} 页）`,
);
try {
  for (const path of pages) {
    const started = Date.now();
    const result = await lighthouse(server.url + path, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: CATEGORIES.map(([id]) => id),
    });
    const categories = result?.lhr.categories ?? {};
    const scores = CATEGORIES.map(([id]) => {
      const score = categories[id]?.score;
      return score == null ? '—' : String(Math.round(score * 100));
    });
    console.log(
      `  ${scores.map((score) => score.padStart(4)).join(' ')}  ${path}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    );
    const failed = Object.values(result?.lhr.audits ?? {})
      .filter((audit) => audit.score === 0 && audit.scoreDisplayMode === 'binary')
      .map((audit) => audit.title);
    if (failed.length > 0) console.log(`        未通过：${failed.join('；')}`);
  }
} finally {
  chrome.kill();
  await server.close();
}
