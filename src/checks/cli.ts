/** `npm run check`: validates all content without building the site. */
import { performance } from 'node:perf_hooks';
import { formatProblems, summarise } from './format-problems.ts';
import { siteConfig } from '../lib/site-config.ts';
import { checkSite } from './run-checks.ts';

const started = performance.now();
const site = siteConfig(process.argv[2] ?? process.cwd(), process.env);
const { problems, entryCount } = checkSite(site);
if (problems.length > 0) console.log(`${formatProblems(problems)}\n`);
console.log(
  `${summarise(problems, entryCount)}（用时 ${Math.round(performance.now() - started)} 毫秒）`,
);
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
