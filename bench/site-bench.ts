/**
 * `npm run bench`: builds generated sites of several sizes with the real pipeline (`astro build`:
 * content checks, pages, search index) and, side by side, with a bare Astro site plus the
 * `pagefind` CLI (bench/baseline). Prints a table and writes bench/results.md.
 *
 *   npm run bench                          500, 2000 and 5000 entries
 *   npm run bench -- --sizes 100,300       smaller sites while developing
 *   npm run bench -- --runs 1              one build of each instead of the best of two
 *   npm run bench -- --keep                keep the generated sites and build logs
 *   npm run bench -- --no-results          do not rewrite bench/results.md
 *   npm run bench -- --publish-sizes 25,500,2000 --publishes 5
 *                                          publish-to-live on the publishing server ('' to skip)
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../scripts/html-pages.ts';
import { ENTRY_SECTIONS, homePath, sectionPath, yearPath } from '../src/lib/routes.ts';
import { generateSiteContent } from './generate-site-content.ts';
import { measurePublish, median, type PublishResult } from './publish-to-live.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const baselineRoot = join(repoRoot, 'bench/baseline');
const astroBin = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
/** The Node options `npm run build` gives the build (its heap limit), so ours is built the same. */
const buildNodeOptions =
  (
    JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: { build: string };
    }
  ).scripts.build.match(/--max-old-space-size=\d+/g) ?? [];
const pagefindBin = join(repoRoot, 'node_modules/pagefind/lib/runner/bin.cjs');
/**
 * Temporary folders for the generated sites and builds (git-ignored). Inside the repository on
 * purpose: Astro writes its server chunks to `<cwd>/.astro/.prerender` when the output folder is
 * outside the working directory (shared with every other build there), and those chunks import
 * packages from node_modules; the site itself reads some files relative to the working directory.
 */
const workRoot = join(repoRoot, 'bench/.work');
const TODAY = '2026-11-28';
const TARGET_RATIO = 1.25;
const NOTES_HEADING = '## 分析与改进';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '500,2000,5000' },
    runs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    'no-results': { type: 'boolean', default: false },
    'publish-sizes': { type: 'string', default: '25,500,2000' },
    publishes: { type: 'string', default: '5' },
    port: { type: 'string', default: '4561' },
  },
});
const sizes = args.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const runs = Number(args.runs);
const publishSizes = args['publish-sizes']
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const publishes = Math.max(1, Number(args.publishes) || 5);
if (args.sizes.trim() === '') sizes.length = 0;
else if (sizes.length === 0 || !Number.isInteger(runs) || runs < 1) {
  console.error('用法：npm run bench -- --sizes 500,2000,5000 --runs 2');
  process.exit(1);
}

const started = performance.now();
// Other work on the machine at the start, for the record: the ratio cancels most of it.
const loadAtStart = loadavg()[0] ?? 0;
const clock = () => `[${formatSeconds((performance.now() - started) / 1000).padStart(6)}]`;
const say = (line: string) => console.log(`${clock()} ${line}`);

// ---------- measuring a child process ----------

interface RunResult {
  seconds: number;
  /** User + system CPU seconds of the whole process tree (from /usr/bin/time when present). */
  cpuSeconds?: number;
  /** Peak of the summed resident memory of the process tree, in bytes. */
  peakBytes: number;
  /** Peak of the summed resident memory of the tree's processes of each name (node, pagefind…). */
  peakByName: Record<string, number>;
  log: string;
}

/** Pids of `root` and all its descendants, from /proc. */
function processTree(root: number): number[] {
  const parentOf = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(ppid, [...(parentOf.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parentOf.get(tree[i] as number) ?? []));
  return tree;
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const hasProc = existsSync('/proc/self/status');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a command, sampling the memory of its process tree; `onLine` sees every output line
 * (for progress).
 */
function run(
  command: string,
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<RunResult> {
  const timeFile = join(tmpdir(), `site-bench-time-${process.pid}-${Math.random()}.txt`);
  const [file, fileArgs] = timeBin
    ? [timeBin, ['-f', '%e %U %S %M', '-o', timeFile, command, ...argv]]
    : [command, argv];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, fileArgs, { cwd: options.cwd, env: options.env });
    let peakBytes = 0;
    const peakByName: Record<string, number> = {};
    const sample = () => {
      if (!hasProc || child.pid === undefined) return;
      let total = 0;
      const byName: Record<string, number> = {};
      for (const pid of processTree(child.pid)) {
        const bytes = residentBytes(pid);
        total += bytes;
        // Node names its main thread, and so the process, MainThread.
        const comm = processName(pid);
        const name = comm.startsWith('pagefind')
          ? 'pagefind'
          : comm === 'MainThread'
            ? 'node'
            : comm;
        byName[name] = (byName[name] ?? 0) + bytes;
      }
      peakBytes = Math.max(peakBytes, total);
      for (const [name, bytes] of Object.entries(byName))
        peakByName[name] = Math.max(peakByName[name] ?? 0, bytes);
    };
    const sampler = setInterval(sample, 100);
    let log = '';
    let pending = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - t0) / 1000;
      let cpuSeconds: number | undefined;
      if (timeBin && existsSync(timeFile)) {
        const fields = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ') ?? [];
        const [, user, sys, maxKb] = fields.map(Number);
        if (user !== undefined && sys !== undefined) cpuSeconds = user + sys;
        // Max RSS of the largest single process: a floor when sampling missed a short peak.
        if (maxKb) peakBytes = Math.max(peakBytes, maxKb * 1024);
        rmSync(timeFile, { force: true });
      }
      if (code !== 0) {
        const tail = log.trim().split('\n').slice(-30).join('\n');
        reject(new Error(`${command} ${argv.join(' ')} 退出码 ${code}\n${tail}`));
        return;
      }
      resolve({
        seconds,
        peakBytes,
        peakByName,
        log,
        ...(cpuSeconds === undefined ? {} : { cpuSeconds }),
      });
    });
  });
}

// ---------- what the build produced ----------

function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

interface Output {
  pages: number;
  distBytes: number;
  searchBytes: number;
  /** Median gzip size of the report pages: the page residents open most. */
  typicalGzip: number;
  /** The largest page (a list page grows with the archive). */
  largestGzip: number;
  largestPage: string;
  /** The list pages residents page through, by site path, and each section's largest year page. */
  lists: ListPage[];
}

interface ListPage {
  path: string;
  gzip: number;
}

/** The pages that list a section (they grow with the archive), home page first. */
const LIST_PAGES = [homePath, ...ENTRY_SECTIONS.map(sectionPath), sectionPath('contacts')];

function listPages(dist: string): ListPage[] {
  const sized = (path: string): ListPage | undefined => {
    const file = join(dist, path, 'index.html');
    return existsSync(file) ? { path, gzip: gzipBytes(file) } : undefined;
  };
  const found = LIST_PAGES.map(sized).filter((page) => page !== undefined);
  for (const section of ENTRY_SECTIONS) {
    const base = sectionPath(section);
    // The folder that holds one folder per year.
    const years = join(dist, dirname(yearPath(base, 0)));
    if (!existsSync(years)) continue;
    const largest = readdirSync(years)
      .map((year) => sized(yearPath(base, Number(year))))
      .filter((page) => page !== undefined)
      .sort((a, b) => b.gzip - a.gzip)[0];
    if (largest) found.push(largest);
  }
  return found;
}

function inspect(dist: string): Output {
  const pages = htmlFiles(dist).map((file) => join(dist, file));
  const reports = pages.filter((file) => /[/\\]reports[/\\][^/\\]+[/\\]index\.html$/.test(file));
  const sizes = reports.map(gzipBytes).sort((a, b) => a - b);
  let largestGzip = 0;
  let largestPage = '';
  for (const file of pages) {
    const bytes = gzipBytes(file);
    if (bytes > largestGzip) [largestGzip, largestPage] = [bytes, file];
  }
  return {
    pages: pages.length,
    distBytes: folderBytes(dist),
    searchBytes: folderBytes(join(dist, 'pagefind')),
    typicalGzip: sizes[Math.floor(sizes.length / 2)] ?? 0,
    largestGzip,
    largestPage: `/${relative(dist, largestPage).replace(/index\.html$/, '')}`,
    lists: listPages(dist),
  };
}

// ---------- the two pipelines ----------

/** Astro log lines worth showing as progress; page-by-page lines are counted instead. */
function progressPrinter(label: string) {
  let pages = 0;
  return (line: string) => {
    const text = stripVTControlCharacters(line).trim();
    if (!text) return;
    if (/^\S*\s*[├└]─/.test(text) || /^\d\d:\d\d:\d\d\s+[├└]─/.test(text)) {
      pages += 1;
      if (pages % 1000 === 0) say(`  ${label}：已生成 ${pages} 页`);
      return;
    }
    if (/\[(content-check|types|pagefind|search)[^\]]*\]|page\(s\) built|error|错误|✖/i.test(text))
      say(`  ${label}：${text.replace(/^\d\d:\d\d:\d\d\s+/, '')}`);
  };
}

interface Phases {
  [name: string]: number;
}

/** Astro's time stat in seconds: `812ms`, `22.50s` or, past a minute, `1m 22s`. */
const TIME_STAT = String.raw`((?:\d+m )?[\d.]+(?:ms|s))`;
function statSeconds(stat: string): number {
  const [, minutes, value, unit] = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(stat) ?? [];
  return Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1);
}

/** Phase times from Astro's own log, so a slow step is easy to spot. */
function phases(log: string): Phases {
  const text = stripVTControlCharacters(log);
  const found: Phases = {};
  const check = /\[content-check\][^\n]*?（(?:用时 )?([\d.]+) ?(毫秒|ms|s)）/.exec(text);
  if (check)
    found['内容检查'] = Number(check[1]) / (check[2] === 'ms' || check[2] === '毫秒' ? 1000 : 1);
  const sync = new RegExp(String.raw`\[types\] Generated ${TIME_STAT}`).exec(text);
  if (sync) found['内容同步'] = statSeconds(sync[1] as string);
  const routes = new RegExp(
    String.raw`generating static routes[\s\S]*?✓ Completed in ${TIME_STAT}`,
  ).exec(text);
  if (routes) found['生成页面'] = statSeconds(routes[1] as string);
  const search = /\[pagefind[^\]]*\][^\n]*用时 ([\d.]+) ?(秒|s)/.exec(text);
  if (search) found['搜索索引'] = Number(search[1]);
  return found;
}

/** Every build starts cold: no output and no content cache from an earlier run. */
function fresh(...dirs: string[]) {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** The faster of two runs (less disturbed by other work on the machine); the higher memory peak. */
function best(a: Measured | undefined, b: Measured): Measured {
  if (!a) return b;
  const faster = a.run.seconds <= b.run.seconds ? a : b;
  return {
    ...faster,
    run: {
      ...faster.run,
      peakBytes: Math.max(a.run.peakBytes, b.run.peakBytes),
      peakByName: Object.fromEntries(
        [...new Set([...Object.keys(a.run.peakByName), ...Object.keys(b.run.peakByName)])].map(
          (name) => [name, Math.max(a.run.peakByName[name] ?? 0, b.run.peakByName[name] ?? 0)],
        ),
      ),
    },
  };
}

interface Measured {
  run: RunResult;
  output: Output;
  phases: Phases;
}

function buildEnv(contentDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SITE_CONTENT_DIR: contentDir,
    SITE_TODAY: TODAY,
    ...extra,
  };
  delete env.NODE_ENV;
  return env;
}

/** Our site, exactly as `npm run build` builds it, with a cold cache of its own. */
async function buildOurs(contentDir: string, work: string): Promise<Measured> {
  const dist = join(work, 'ours-dist');
  const cache = join(work, 'ours-cache');
  const config = join(work, 'astro.config.mjs');
  fresh(dist, cache);
  // Astro's cache (the content data store) lives inside node_modules by default: other builds
  // in this repository would share it, and a warm store would hide the cost of a first build.
  writeFileSync(
    config,
    [
      `import config from ${JSON.stringify(join(repoRoot, 'astro.config.mjs'))};`,
      `export default { ...config, cacheDir: ${JSON.stringify(`${cache}/`)},`,
      `  vite: { ...config.vite, cacheDir: ${JSON.stringify(join(cache, 'vite'))} } };`,
    ].join('\n'),
  );
  const result = await run(
    process.execPath,
    [
      ...buildNodeOptions,
      astroBin,
      'build',
      '--config',
      relative(repoRoot, config),
      '--outDir',
      dist,
    ],
    { cwd: repoRoot, env: buildEnv(contentDir), onLine: progressPrinter('本站') },
  );
  return { run: result, output: inspect(dist), phases: phases(result.log) };
}

/** The bare Astro site, then the pagefind CLI over its output. */
async function buildBaseline(contentDir: string, work: string): Promise<Measured> {
  const dist = join(work, 'baseline-dist');
  const cache = join(work, 'baseline-cache');
  fresh(dist, cache);
  const env = buildEnv(contentDir, { BENCH_CACHE_DIR: `${cache}/` });
  const astro = await run(
    process.execPath,
    [astroBin, 'build', '--root', baselineRoot, '--outDir', dist],
    { cwd: repoRoot, env, onLine: progressPrinter('基准') },
  );
  say('  基准：pagefind --site …');
  const pagefind = await run(process.execPath, [pagefindBin, '--site', dist], {
    cwd: repoRoot,
    env,
  });
  const found = phases(astro.log);
  found['搜索索引'] = pagefind.seconds;
  const cpu =
    astro.cpuSeconds !== undefined && pagefind.cpuSeconds !== undefined
      ? { cpuSeconds: astro.cpuSeconds + pagefind.cpuSeconds }
      : {};
  return {
    run: {
      seconds: astro.seconds + pagefind.seconds,
      peakBytes: Math.max(astro.peakBytes, pagefind.peakBytes),
      peakByName: { node: astro.peakByName['node'] ?? 0, pagefind: pagefind.peakBytes },
      log: `${astro.log}\n${pagefind.log}`,
      ...cpu,
    },
    output: inspect(dist),
    phases: found,
  };
}

// ---------- formatting ----------

function formatSeconds(s: number): string {
  return s < 10 ? `${s.toFixed(2)}s` : s < 100 ? `${s.toFixed(1)}s` : `${Math.round(s)}s`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------- the run ----------

interface Row {
  size: number;
  ours: Measured;
  baseline: Measured;
}

async function main() {
  mkdirSync(workRoot, { recursive: true });
  const work = mkdtempSync(join(workRoot, 'run-'));
  say(
    `构建基准测试：规模 ${sizes.join('、')} 个条目；${availableParallelism()} 个 CPU 核心；临时目录 ${work}`,
  );
  const rows: Row[] = [];
  const published: PublishResult[] = [];
  try {
    for (const size of sizes) {
      const sizeDir = join(work, String(size));
      mkdirSync(sizeDir, { recursive: true });
      const contentDir = join(sizeDir, 'content');
      const counts = generateSiteContent(contentDir, size);
      say(
        `${size} 个条目：已生成内容（学习园地 ${counts.study}、工作报告 ${counts.reports}、通知公告 ${counts.notices}、联系卡 ${counts.contacts}，共 ${formatBytes(folderBytes(contentDir))}）`,
      );
      let ours: Measured | undefined;
      let baseline: Measured | undefined;
      for (let run = 1; run <= runs; run++) {
        const of = runs > 1 ? `（第 ${run}/${runs} 次）` : '';
        // Alternate the order so that neither build always runs on a warmer machine.
        const order = run % 2 === 0 ? (['基准', '本站'] as const) : (['本站', '基准'] as const);
        for (const which of order) {
          if (which === '本站') {
            say(`${size} 个条目：构建本站${of}（npm run build 的完整流程）…`);
            const measured = await buildOurs(contentDir, sizeDir);
            say(`${size} 个条目：本站完成，用时 ${formatSeconds(measured.run.seconds)}`);
            ours = best(ours, measured);
          } else {
            say(`${size} 个条目：构建基准站点${of}（纯 Astro + pagefind 命令行）…`);
            const measured = await buildBaseline(contentDir, sizeDir);
            say(`${size} 个条目：基准完成，用时 ${formatSeconds(measured.run.seconds)}`);
            baseline = best(baseline, measured);
          }
        }
      }
      if (!ours || !baseline) throw new Error('没有完成任何一次构建');
      say(
        `${size} 个条目：本站 ${formatSeconds(ours.run.seconds)}，基准 ${formatSeconds(baseline.run.seconds)}，比值 ${(ours.run.seconds / baseline.run.seconds).toFixed(2)}×`,
      );
      if (ours.output.searchBytes === 0)
        say(`⚠ 本站构建没有生成 dist/pagefind 搜索索引：比值不含搜索索引的开销`);
      if (args.keep) {
        writeFileSync(join(sizeDir, 'ours.log'), ours.run.log);
        writeFileSync(join(sizeDir, 'baseline.log'), baseline.run.log);
      }
      rows.push({ size, ours, baseline });
      // Keep the temp folder small between sizes.
      if (!args.keep) rmSync(sizeDir, { recursive: true, force: true });
    }
    for (const size of publishSizes) {
      say(`发布到上线：${size} 个条目，改一篇报告 ${publishes} 次（发布服务器的 ReleaseManager）…`);
      const result = await measurePublish({
        repoRoot,
        work: join(work, `publish-${size}`),
        size,
        publishes,
        port: Number(args.port),
        today: TODAY,
        say,
      });
      say(`发布到上线：${size} 个条目，中位数 ${formatSeconds(result.median)}`);
      published.push(result);
      if (!args.keep) rmSync(join(work, `publish-${size}`), { recursive: true, force: true });
    }
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
    else say(`生成的内容、构建结果和日志保留在 ${work}`);
  }

  const report = render(rows, published);
  console.log(`\n${report.console}`);
  if (!args['no-results']) {
    const file = join(repoRoot, 'bench/results.md');
    // The hand-written analysis below the figures survives a new run.
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const notes = previous.indexOf(`\n${NOTES_HEADING}`);
    writeFileSync(file, report.markdown + (notes >= 0 ? previous.slice(notes) : ''));
    say('结果已写入 bench/results.md');
  }
}

function cpuRatio({ ours, baseline }: Pick<Row, 'ours' | 'baseline'>): string {
  return ours.run.cpuSeconds && baseline.run.cpuSeconds
    ? `${(ours.run.cpuSeconds / baseline.run.cpuSeconds).toFixed(2)}×`
    : '—';
}

function linearity(rows: Row[], pick: (row: Row) => number) {
  if (rows.length < 2) return undefined;
  const marginal = rows.slice(1).map((row, i) => {
    const prev = rows[i] as Row;
    return (pick(row) - pick(prev)) / (row.size - prev.size);
  });
  const first = marginal[0] as number;
  const last = marginal[marginal.length - 1] as number;
  return { marginal, growth: last / first };
}

const PUBLISH_TARGETS: Record<number, number> = { 500: 5, 2000: 10 };

function publishTable(published: PublishResult[]): string {
  if (published.length === 0) return '';
  const rows = published.map((p) => {
    const target = PUBLISH_TARGETS[p.size];
    return [
      String(p.size),
      `**${formatSeconds(p.median)}**`,
      p.seconds.map(formatSeconds).join('、'),
      formatSeconds(median(p.completeSeconds)),
      p.cpuSeconds.map(formatSeconds).join('、'),
      p.loads.map((load) => load.toFixed(1)).join('、'),
      formatSeconds(p.firstBuildSeconds),
      target === undefined ? '—' : `≤ ${target}s：${p.median <= target ? '达标' : '未达标'}`,
    ];
  });
  return `## 发布到上线

在发布服务器的发布管理（\`src/server/releases/\` 的 ReleaseManager）上，把一篇工作报告的标题改一次、提交，
像服务器在每次发布后那样交给它，从提交到新页面能从在线目录读到（HTTP）为止计时；每个规模 ${published[0]?.seconds.length ?? 0} 次，取中位数。
构建在发布管理保留的构建进程里、保留的构建文件夹里增量进行（\`src/server/releases/warm-builder.ts\`）；
新网页在 Pagefind 建索引时先上线，带着上一版的搜索索引，构建完成后整版替换（“搜索索引也更新”一列）；CPU 时间是构建进程的，不含 Pagefind 自己的进程。

${table(['条目数', '中位数', '每次', '搜索索引也更新（中位数）', '每次构建进程的 CPU 时间', '每次结束时的负载（1 分钟）', '第一次构建', '目标'], rows)}
`;
}

/**
 * What the CPU time alone allows: a build cannot finish sooner than its CPU time spread over
 * every core, however well its work is spread.
 */
function cpuFloor({ size, ours, baseline }: Row): string {
  const cpu = ours.run.cpuSeconds;
  if (cpu === undefined) return '';
  const cores = availableParallelism();
  const floor = cpu / cores;
  return `- CPU 时间给出的下限：${size} 个条目本站 CPU 时间 ${formatSeconds(cpu)}，${cores} 个核全程满载也要 ${formatSeconds(floor)}，是基准用时的 ${(floor / baseline.run.seconds).toFixed(2)}×；要不超过 ${TARGET_RATIO}×，CPU 时间最多 ${formatSeconds(baseline.run.seconds * TARGET_RATIO * cores)}。`;
}

function render(rows: Row[], published: PublishResult[] = []) {
  // Publish-to-live alone (`--sizes ''`).
  if (rows.length === 0) {
    const text = publishTable(published);
    return { markdown: `# 构建性能基准\n\n${text}`, console: text };
  }
  const mainTable = table(
    [
      '条目数',
      '本站用时',
      '每条目',
      '基准用时',
      '比值',
      '本站 CPU',
      '基准 CPU',
      'CPU 比值',
      '峰值内存（本站/基准）',
      '本站峰值：Node / Pagefind',
      'dist（本站/基准）',
      '搜索索引（本站/基准）',
      '报告页 gzip（本站/基准）',
      '最大页面 gzip（本站）',
    ],
    rows.map(({ size, ours, baseline }) => [
      String(size),
      formatSeconds(ours.run.seconds),
      ms(ours.run.seconds / size),
      formatSeconds(baseline.run.seconds),
      `**${(ours.run.seconds / baseline.run.seconds).toFixed(2)}×**`,
      ours.run.cpuSeconds === undefined ? '—' : formatSeconds(ours.run.cpuSeconds),
      baseline.run.cpuSeconds === undefined ? '—' : formatSeconds(baseline.run.cpuSeconds),
      cpuRatio({ ours, baseline }),
      `${formatBytes(ours.run.peakBytes)} / ${formatBytes(baseline.run.peakBytes)}`,
      `${formatBytes(ours.run.peakByName['node'] ?? 0)} / ${formatBytes(ours.run.peakByName['pagefind'] ?? 0)}`,
      `${formatBytes(ours.output.distBytes)} / ${formatBytes(baseline.output.distBytes)}`,
      `${ours.output.searchBytes ? formatBytes(ours.output.searchBytes) : '无'} / ${formatBytes(baseline.output.searchBytes)}`,
      `${formatBytes(ours.output.typicalGzip)} / ${formatBytes(baseline.output.typicalGzip)}`,
      `${formatBytes(ours.output.largestGzip)}（${ours.output.largestPage}）`,
    ]),
  );
  const phaseNames = [
    ...new Set(
      rows.flatMap((row) => [...Object.keys(row.ours.phases), ...Object.keys(row.baseline.phases)]),
    ),
  ];
  const phaseTable = table(
    ['条目数', ...phaseNames.map((name) => `${name}（本站/基准）`), '页面数（本站/基准）'],
    rows.map(({ size, ours, baseline }) => [
      String(size),
      ...phaseNames.map((name) => {
        const a = ours.phases[name];
        const b = baseline.phases[name];
        return `${a === undefined ? '—' : formatSeconds(a)} / ${b === undefined ? '—' : formatSeconds(b)}`;
      }),
      `${ours.output.pages} / ${baseline.output.pages}`,
    ]),
  );
  const listTable = table(
    ['条目数', '列表页 gzip（本站；年份页取每个栏目最大的一页）'],
    rows.map(({ size, ours }) => [
      String(size),
      ours.output.lists.map((page) => `${page.path} ${formatBytes(page.gzip)}`).join('，'),
    ]),
  );

  const worst = Math.max(...rows.map((r) => r.ours.run.seconds / r.baseline.run.seconds));
  const largest = rows[rows.length - 1] as Row;
  const ratioLargest = largest.ours.run.seconds / largest.baseline.run.seconds;
  const lin = linearity(rows, (row) => row.ours.run.seconds);
  const linBase = linearity(rows, (row) => row.baseline.run.seconds);
  const verdict = [
    `- 与基准的比值：最大规模（${largest.size} 个条目）为 ${ratioLargest.toFixed(2)}×（CPU 时间 ${cpuRatio(largest)}），各规模中最高 ${worst.toFixed(2)}×；目标不超过 ${TARGET_RATIO}×：${ratioLargest <= TARGET_RATIO ? '达标' : '未达标'}。`,
    cpuFloor(largest),
    lin && linBase
      ? `- 增长：相邻规模之间每多一个条目多用 ${lin.marginal.map(ms).join(' → ')}（基准 ${linBase.marginal.map(ms).join(' → ')}）；${
          lin.marginal.some((m) => m <= 0)
            ? '测量受机器负载干扰太大，无法判断，请在机器空闲时重测'
            : lin.growth <= 1.3
              ? '边际成本基本不变，增长是线性的'
              : `边际成本增长到 ${lin.growth.toFixed(2)} 倍，增长快于线性`
        }。`
      : '- 增长：只测了一个规模，无法判断是否线性。',
    largest.ours.output.searchBytes === 0
      ? '- ⚠ 本站构建没有生成 dist/pagefind 搜索索引，比值不含搜索索引的开销。'
      : '',
  ]
    .filter(Boolean)
    .join('\n');

  const cpu = cpus()[0]?.model ?? '未知';
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${date} UTC · ${availableParallelism()} 个 CPU 核心（${cpu}）· 内存 ${formatBytes(totalmem())} · Node ${process.version} · Astro ${astroVersion()} · 开始时负载 ${loadAtStart.toFixed(1)} · 每项取 ${runs} 次中最快的一次`;

  const markdown = `# 构建性能基准

由 \`npm run bench\` 生成（“${NOTES_HEADING}”一节之前的内容每次重写）。测试机器：${machine}。

每个规模生成一套内容（学习园地、工作报告（带数据）、通知公告、联系卡，正文为多节长文，约每条 9 KB Markdown），
先用本站的完整流程构建（\`astro build\`：内容检查、全部页面、搜索索引），再用基准站点构建同样的内容：
\`bench/baseline/\` 是一个只有一个朴素布局、同样栏目和字段的 Astro 站点（同一 Astro 版本），构建后运行
\`pagefind --site\` 命令行建立搜索索引。两者都是冷构建（内容缓存放在临时目录，每次重新开始）。
比值 = 本站用时 ÷ 基准用时，机器负载的影响大体相互抵消。峰值内存是进程树常驻内存之和的峰值。

## 结果

${mainTable}

${verdict}

## 各阶段用时

${phaseTable}

## 列表页大小

栏目的列表页只列最新一年的条目，往年的各在自己的年份页上（\`/reports/year/2025/\` 等），所以列表页的大小取决于一年有多少条，不随条目总数增长。

${listTable}

${publishTable(published)}`;
  return {
    markdown,
    console: `${mainTable}\n\n${verdict}\n\n${phaseTable}\n\n${listTable}\n\n${publishTable(published)}`,
  };
}

function astroVersion(): string {
  try {
    const astro = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules/astro/package.json'), 'utf8'),
    ) as { version: string };
    return astro.version;
  } catch {
    return '?';
  }
}

await main();
