/**
 * `npm run bench:search`: builds a generated site of 2,000 entries, then prints how long the
 * search index takes to build, how big it is, how many bytes a reader's first query fetches and
 * how long it takes from typing to the first results in Chromium. Prints figures; asserts nothing.
 *
 *   npm run bench:search                       2,000 entries
 *   npm run bench:search -- --count 500        another size
 *   npm run bench:search -- --keep             keep the generated site (its path is printed)
 *
 * Keyword queries and residents' questions are measured alike; a question runs one search per
 * meaningful word, so its figures show what that costs on a cold cache.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { repoRoot, runBuild } from '../tests/support/run-build.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { generateContent } from './generate-content.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(args.count);
const runs = Math.max(1, Number(args.runs));
/** Words the generated text contains, of the lengths residents type: 2 to 6 characters. */
const QUERIES = ['低保', '联系电话', '学习型党组织', '每家每户', '志愿服务'];
/** Residents' questions: question words, everyday words from the table, who to call. */
const QUESTIONS = ['电话诈骗怎么防', '低保户找谁', '找工作问谁'];
/** The site's own table of everyday words, which the questions rely on. */
const SEARCH_WORDS = 'settings/search-words.yml';

const say = (line: string) => console.log(line);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} 毫秒`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function folderBytes(dir: string, filter: (name: string) => boolean = () => true) {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile() && filter(name)) {
      bytes += stat.size;
      files += 1;
    }
  }
  return { bytes, files };
}

interface QueryFigures {
  query: string;
  bytes: number;
  requests: number;
  typingToResults: number;
  lastKeyToResults: number;
  results: number;
}

/**
 * Opens /search/ in a fresh browser context (empty cache), types the query and measures in the
 * page, from the first character typed to the moment the results are on screen (the page's
 * `search-results` mark); bytes are what the browser fetched from /pagefind/ meanwhile.
 */
async function firstQuery(
  browser: Browser,
  url: string,
  query: string,
  cpuSlowdown = 1,
): Promise<QueryFigures> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  await page.goto(`${url}/search/`);
  await page.waitForLoadState('networkidle');
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname.startsWith('/pagefind/'))
      sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  await page.evaluate(() => {
    document.addEventListener(
      // Typed Chinese arrives as text input (as from an input method), without key events.
      'input',
      (event) => {
        const w = window as unknown as { typingStarted?: number; typingEnded?: number };
        w.typingStarted ??= event.timeStamp;
        w.typingEnded = event.timeStamp;
      },
      { capture: true },
    );
  });
  await page.locator('#search-input').pressSequentially(query, { delay: 80 });
  await page.waitForSelector(`#search-app[data-state="done"][data-query="${query}"]`, {
    timeout: 120_000,
  });
  const [typingToResults, lastKeyToResults] = await page.evaluate(() => {
    const at = performance.getEntriesByName('search-results').at(-1)?.startTime ?? NaN;
    const w = window as unknown as { typingStarted: number; typingEnded: number };
    return [at - w.typingStarted, at - w.typingEnded];
  });
  const results = await page.locator('.search-result').count();
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { query, bytes, requests: sizes.length, typingToResults, lastKeyToResults, results };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'search-bench-'));
  const contentDir = join(work, 'content');
  const siteDir = join(work, 'dist');
  try {
    say(`生成 ${count} 个条目的示例内容…`);
    const counts = generateContent(contentDir, count);
    if (existsSync(join(repoRoot, 'content', SEARCH_WORDS)))
      copyFileSync(join(repoRoot, 'content', SEARCH_WORDS), join(contentDir, SEARCH_WORDS));
    say(
      `  学习园地 ${counts.study}、工作报告 ${counts.reports}、通知公告 ${counts.notices}、联系卡 ${counts.contacts}`,
    );

    say('构建网站（含搜索索引），条目多时需要一两分钟…');
    const started = performance.now();
    const build = await runBuild({ outDir: siteDir, contentDir });
    if (build.code !== 0) throw new Error(`网站构建失败：\n${build.output.slice(-3000)}`);
    say(`  构建完成，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    const logged = /搜索索引已写入[^\n]*/.exec(stripVTControlCharacters(build.output));
    if (logged) say(`  构建日志：${logged[0]}`);

    // Index again on its own, a few times, for a steadier figure than one build's log line.
    const { buildSearchIndex, contactRecords } = await import('../src/integrations/pagefind.ts');
    const { runChecks } = await import('../src/checks/run-checks.ts');
    const checked = runChecks(process.cwd(), undefined, { contentDir });
    const contacts = contactRecords(checked.valid.get('contacts'));
    const times: number[] = [];
    let indexed = { pages: 0, contacts: 0 };
    for (let run = 1; run <= runs; run += 1) {
      say(`单独建立索引 第 ${run}/${runs} 次…`);
      const result = await buildSearchIndex({ siteDir, contacts });
      times.push(result.seconds);
      indexed = result;
    }

    const pagefindDir = join(siteDir, 'pagefind');
    const total = folderBytes(pagefindDir);
    const index = folderBytes(pagefindDir, (name) => name.endsWith('.pf_index'));
    const fragments = folderBytes(pagefindDir, (name) => name.endsWith('.pf_fragment'));
    const filters = folderBytes(pagefindDir, (name) => name.endsWith('.pf_filter'));

    say('在 Chromium 里搜索（每次用空缓存的新窗口，360 像素宽）…');
    const server = await serveStatic(siteDir);
    const browser = await launchChromium();
    const cold: QueryFigures[] = [];
    const asked: QueryFigures[] = [];
    let slow: QueryFigures | undefined;
    let slowQuestion: QueryFigures | undefined;
    try {
      for (const query of QUERIES) cold.push(await firstQuery(browser, server.url, query));
      for (const query of QUESTIONS) asked.push(await firstQuery(browser, server.url, query));
      slow = await firstQuery(browser, server.url, QUERIES[0] as string, 4);
      slowQuestion = await firstQuery(browser, server.url, QUESTIONS[0] as string, 4);
    } finally {
      await browser.close();
      await server.close();
    }

    say('');
    say(`搜索基准（${count} 个条目：${indexed.pages} 篇文章 + ${indexed.contacts} 张联系卡）`);
    say(
      `机器：${availableParallelism()} 个 CPU 核，当前负载 ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' / ')}（负载高时时间会偏长）`,
    );
    say('');
    say(
      `建立索引：中位数 ${median(times).toFixed(2)} 秒（${times.map((t) => t.toFixed(2)).join(' / ')} 秒）`,
    );
    say(
      `索引大小：共 ${kb(total.bytes)}，${total.files} 个文件；其中词索引 ${kb(index.bytes)}（${index.files} 块）、` +
        `摘要片段 ${kb(fragments.bytes)}（${fragments.files} 个）、筛选 ${kb(filters.bytes)}`,
    );
    say('');
    say('首次搜索（空缓存）  下载字节   请求数  输入第一个字→结果  输入最后一个字→结果  结果数');
    const row = (q: QueryFigures) =>
      `${q.query.padEnd(8, '　')}  ${kb(q.bytes).padStart(10)}  ${String(q.requests).padStart(4)}  ` +
      `${ms(q.typingToResults).padStart(12)}  ${ms(q.lastKeyToResults).padStart(14)}  ${q.results}`;
    for (const q of cold) say(row(q));
    say('居民的问题（去掉问话词、按词表换成网站用词，逐词搜索后合并）：');
    for (const q of asked) say(row(q));
    if (slow) say(`CPU 降速 4 倍（模拟低端手机）：\n${row(slow)}`);
    if (slowQuestion) say(row(slowQuestion));
    say('');
    say(
      '说明：逐字输入，每字间隔 80 毫秒；页面在输入停顿 250 毫秒后才搜索，两列时间都含这段等待。',
    );
    say('下载字节包括 pagefind.js、WebAssembly、筛选数据、词索引块和前 10 条结果的摘要片段。');
    if (args.keep) say(`\n生成的网站保留在 ${work}`);
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }
}

await main();
