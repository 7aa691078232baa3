/**
 * Repeats every Chinese input pattern of the body editor many times on the real dev server and
 * prints how often the text came out wrong (goal: 0 everywhere). Not part of `npm test`:
 *   npm run ime-stress              # 50 runs of each pattern, desktop and phone
 *   npm run ime-stress -- --runs 10 --port 4403 --device 手机 --only 逐字
 */
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/support/browser.ts';
import { openAdmin, startCmsDevServer } from '../tests/support/cms-dev-server.ts';
import { PATTERNS, runPattern } from '../tests/support/ime-patterns.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    port: { type: 'string', default: '4402' },
    only: { type: 'string' },
    device: { type: 'string' },
  },
});
const runs = Number(values.runs);
const server = await startCmsDevServer(Number(values.port));
const browser = await launchChromium();
const devices = [
  { name: '电脑', touch: false, options: { viewport: { width: 1280, height: 900 } } },
  {
    name: '手机 390×844 触屏',
    touch: true,
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
];
const rows: string[] = [];
try {
  for (const device of devices) {
    if (values.device && !device.name.includes(values.device)) continue;
    const context = await browser.newContext({ ...device.options, locale: 'zh-CN' });
    const page = await openAdmin(context, server.origin);
    for (const pattern of PATTERNS) {
      if (values.only && !pattern.name.includes(values.only)) continue;
      let failures = 0;
      const kinds = new Map<string, number>();
      const examples = new Set<string>();
      const started = Date.now();
      let reloads = 0;
      for (let i = 0; i < runs; i++) {
        const result = await runPattern(page, pattern, {
          origin: server.origin,
          touch: device.touch,
        });
        if (result.reloaded && reloads < runs) {
          // Someone else's file edit reloaded the dev page: not a result, run it again.
          reloads++;
          i--;
          await page.goto(`${server.origin}/admin/#/collections/study`).catch(() => undefined);
          continue;
        }
        process.stderr.write(result.ok ? '.' : `\n× ${result.problem}\n`);
        if (!result.ok) {
          failures++;
          const kind = result.problem.split('：')[0]!;
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          examples.add(result.problem);
        }
      }
      process.stderr.write('\n');
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      const detail = [...kinds].map(([kind, count]) => `${kind} ${count}`).join('，');
      const row = `${device.name}\t${pattern.name}\t失败 ${failures}/${runs}${detail ? `（${detail}）` : ''}\t${seconds} 秒`;
      rows.push(row);
      console.log(row);
      for (const example of [...examples].slice(0, 3)) console.log(`    例：${example}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
console.log('\n汇总：');
for (const row of rows) console.log(row);
