import type { AstroIntegration } from 'astro';
import { formatProblems, summarise } from '../checks/format-problems.ts';
import { checkSite, type CheckResult } from '../checks/run-checks.ts';
import { fixableError } from './fixable-error.ts';
import type { SiteConfig } from '../lib/site-config.ts';

/**
 * Runs the content checks before Astro loads any collection, so a bad entry stops the build with
 * a Chinese message naming the file and the field rather than a stack trace. In dev the problems
 * are printed and the server keeps running, so the entry can be fixed in the CMS. `enabled: false`
 * where Astro's config is loaded for something else (vitest's getViteConfig). `onChecked` receives
 * the result, valid entries included, so later steps need not read the content again.
 */
export function contentCheck(options: {
  site: SiteConfig;
  enabled: boolean;
  onChecked?: (result: CheckResult) => void;
}): AstroIntegration {
  const { site } = options;
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if ((command !== 'build' && command !== 'dev') || !options.enabled) return;
        const started = performance.now();
        const result = checkSite(site);
        const { problems, entryCount } = result;
        const summary = `${summarise(problems, entryCount)}（${Math.round(performance.now() - started)} 毫秒）`;
        const failed = problems.some((p) => p.severity === 'error');
        if (problems.length > 0)
          logger[failed ? 'error' : 'warn'](`\n${formatProblems(problems)}\n`);
        if (failed && command === 'build')
          throw fixableError(summary, '只检查内容、不构建网站（几秒钟）：npm run check');
        logger.info(summary);
        options.onChecked?.(result);
      },
    },
  };
}
