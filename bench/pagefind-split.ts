/**
 * Pagefind on a built site, whole versus one bundle per year (what `mergeIndex` in the search page
 * would combine): time and peak memory of each. Prints figures; changes nothing in the site.
 *
 *   npm exec -- node bench/pagefind-split.ts <built site folder>
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const siteDir = process.argv[2];
if (!siteDir) {
  console.error('用法：npm exec -- node bench/pagefind-split.ts <构建好的网站目录>');
  process.exit(1);
}
const FOLDERS = ['study', 'reports', 'notices'];
const out = mkdtempSync(join(tmpdir(), 'pagefind-split-'));

/** Summed resident memory of this process and its children (the Pagefind backend). */
function treeBytes(): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // ended meanwhile
    }
  }
  const tree = [process.pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree.reduce((sum, pid) => {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return sum + Number(kb ?? 0) * 1024;
    } catch {
      return sum;
    }
  }, 0);
}

async function indexOnce(glob: string, to: string) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeBytes())), 50);
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({
    excludeSelectors: ['button', '[hidden]', '.no-print'],
  });
  if (!index) throw new Error(errors.join('\n'));
  const added = await index.addDirectory({ path: siteDir as string, glob });
  await index.writeFiles({ outputPath: to });
  await pagefind.close();
  clearInterval(timer);
  return { pages: added.page_count, seconds: (performance.now() - t0) / 1000, peak };
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const years = [
  ...new Set(
    FOLDERS.flatMap((folder) =>
      readdirSync(join(siteDir, folder)).flatMap((name) => /^(\d{4})-/.exec(name)?.[1] ?? []),
    ),
  ),
].sort();

const whole = await indexOnce(`{${FOLDERS.join(',')}}/*/index.html`, join(out, 'whole'));
console.log(
  `整站一个索引：${whole.pages} 页，${whole.seconds.toFixed(1)} 秒，峰值内存 ${gb(whole.peak)}`,
);
let total = 0;
let peak = 0;
for (const year of years) {
  const part = await indexOnce(`{${FOLDERS.join(',')}}/${year}-*/index.html`, join(out, year));
  total += part.seconds;
  peak = Math.max(peak, part.peak);
  console.log(
    `  ${year} 年：${part.pages} 页，${part.seconds.toFixed(1)} 秒，峰值内存 ${gb(part.peak)}`,
  );
}
console.log(
  `按年份 ${years.length} 个索引：合计 ${total.toFixed(1)} 秒，峰值内存 ${gb(peak)}；改一篇只需重建它那一年的索引`,
);
rmSync(out, { recursive: true, force: true });
