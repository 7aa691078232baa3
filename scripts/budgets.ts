/**
 * Page budgets for a built site (default dist/; another folder as the first argument):
 *   npm run build && npm run budgets
 * - a typical article page (the median of each kind: 学习园地, 通知公告, 工作报告) ≤ 7 kB of HTML, gzip;
 * - all the CSS a reader can download from the content pages ≤ 10 kB, gzip;
 * - content pages run no JavaScript except the reading aids (字号/高对比度, 朗读) and search.
 * .size-limit.json holds the per-file limits (reading-aid scripts, the shared stylesheet).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { collectionLabels } from '../src/ui/strings.ts';
import { isEntryPage, isReadingPage } from '../src/lib/routes.ts';
import { htmlFiles, pageAddress } from './html-pages.ts';

const KB = 1000; // as size-limit counts
export const BUDGETS = {
  articleHtml: 7 * KB,
  siteCss: 10 * KB,
} as const;

/** Scripts a content page may load: the reading aids everywhere, search where it is offered. */
const ALLOWED_SCRIPT = [/^\/reading-aids\.js$/, /^\/read-aloud\.js$/, /search|pagefind/];

const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} kB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface BudgetResult {
  ok: boolean;
  lines: string[];
}

export function checkBudgets(dir: string): BudgetResult {
  if (!existsSync(join(dir, 'index.html'))) {
    return { ok: false, lines: [`✗ 在 ${dir} 里找不到构建好的网站，请先运行 npm run build。`] };
  }
  const lines: string[] = [];
  let ok = true;
  const report = (pass: boolean, text: string) => {
    ok &&= pass;
    lines.push(`${pass ? '✓' : '✗'} ${text}`);
  };

  // Print tools, the 公众号 versions and the CMS are not pages for reading.
  const pages = htmlFiles(dir).filter((page) => isReadingPage(pageAddress(page)));
  const articleSizes = new Map<string, { page: string; size: number }[]>();
  const css = new Set<string>();
  let inlineCss = '';
  const badScripts: string[] = [];

  for (const page of pages) {
    const html = readFileSync(join(dir, page));
    const $ = cheerio.load(html);
    if (isEntryPage(pageAddress(page)) && page.endsWith('/index.html')) {
      const kind = page.split('/')[0]!;
      articleSizes.set(kind, [...(articleSizes.get(kind) ?? []), { page, size: gzipSize(html) }]);
    }
    $('link[rel="stylesheet"]').each((_, link) => void css.add($(link).attr('href') ?? ''));
    $('style').each((_, style) => void (inlineCss += $(style).text()));
    $('script').each((_, script) => {
      const type = $(script).attr('type') ?? '';
      if (/json/.test(type)) return; // data, not code
      const src = $(script).attr('src');
      if (!src) badScripts.push(`${page}：内嵌脚本`);
      else if (!ALLOWED_SCRIPT.some((allowed) => allowed.test(src))) {
        badScripts.push(`${page}：${src}`);
      }
    });
    $('link[rel="modulepreload"]').each((_, link) => {
      const href = $(link).attr('href') ?? '';
      if (!ALLOWED_SCRIPT.some((allowed) => allowed.test(href))) {
        badScripts.push(`${page}：${href}`);
      }
    });
  }

  const names: Record<string, string> = collectionLabels;
  for (const [kind, sizes] of articleSizes) {
    const typical = median(sizes.map((entry) => entry.size));
    const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
    report(
      typical <= BUDGETS.articleHtml,
      `${names[kind] ?? kind}文章页 HTML（${sizes.length} 页的中位数，gzip）：${kb(typical)}，上限 ${kb(BUDGETS.articleHtml)}；最大的一页 ${kb(largest.size)}（${largest.page}）`,
    );
  }
  if (articleSizes.size === 0) report(false, '没有找到任何文章页（study/、notices/、reports/）。');

  let cssTotal = inlineCss ? gzipSize(inlineCss) : 0;
  for (const href of css) {
    const path = join(dir, href.replace(/^\//, ''));
    if (existsSync(path)) cssTotal += gzipSize(readFileSync(path));
  }
  report(
    cssTotal <= BUDGETS.siteCss,
    `全站样式（内容页用到的 ${css.size} 个 CSS 文件${inlineCss ? '和内嵌样式' : ''}，gzip）：${kb(cssTotal)}，上限 ${kb(BUDGETS.siteCss)}`,
  );

  report(
    badScripts.length === 0,
    badScripts.length === 0
      ? `${pages.length} 个内容页除阅读辅助和搜索外没有 JavaScript`
      : `内容页只能有阅读辅助和搜索的脚本，下面这些不行：\n    ${badScripts.join('\n    ')}`,
  );
  return { ok, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const { ok, lines } = checkBudgets(dir);
  console.log(`页面预算（${dir}）`);
  for (const line of lines) console.log(line);
  if (!ok) {
    console.log('页面预算没有通过。');
    process.exitCode = 1;
  }
}
