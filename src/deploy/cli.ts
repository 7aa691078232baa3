/**
 * `npm run deploy -- [--dir dist] [target …]`: uploads a built site to each target given, or to
 * those in DEPLOY_TARGETS. Used by the CI workflows and by hand; the publishing server calls the
 * same code after each release.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deployOptionsFromEnv, deployTo } from './deploy.ts';
import { describeTarget, parseTarget, TargetError } from './targets.ts';

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

let options;
let dir: string;
try {
  const { values, positionals } = parseArgs({
    options: { dir: { type: 'string', default: 'dist' } },
    allowPositionals: true,
  });
  dir = resolve(values.dir);
  options = deployOptionsFromEnv();
  if (positionals.length > 0) options.targets = positionals.map((text) => parseTarget(text));
} catch (error) {
  fail(error instanceof TargetError ? error.message : `参数不对：${(error as Error).message}`);
}
if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(resolve(dir, 'index.html')))
  fail(`${dir} 不是构建好的网站（里面没有 index.html），请先运行 npm run build`);
if (options.targets.length === 0)
  fail('没有上传目标：请在命令后写出目标，或设置环境变量 DEPLOY_TARGETS（见 docs/publishing.md）');

let failed = false;
for (const target of options.targets) {
  try {
    console.log(`✔ ${await deployTo(dir, target, options)}`);
  } catch (error) {
    failed = true;
    console.error(`✖ ${describeTarget(target)}：${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
