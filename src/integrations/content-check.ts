import type { AstroIntegration } from 'astro';
import { formatProblems, summarise } from '../checks/format-problems.ts';
import { runChecks } from '../checks/run-checks.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { today } from '../lib/today.ts';

/**
 * Runs the content checks before Astro loads any collection, so a bad entry stops the build with
 * a Chinese message naming the file and the field rather than a stack trace. In dev the problems
 * are printed and the server keeps running, so the entry can be fixed in the CMS. `enabled: false`
 * where Astro's config is loaded for something else (vitest's getViteConfig).
 */
export function contentCheck(options: { site: SiteConfig; enabled: boolean }): AstroIntegration {
  const { site } = options;
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if ((command !== 'build' && command !== 'dev') || !options.enabled) return;
        const started = performance.now();
        const { problems, entryCount } = runChecks(site.root, today(new Date(), site.today), {
          contentDir: site.contentDir,
          publicDir: site.publicDir,
        });
        const summary = `${summarise(problems, entryCount)}（${Math.round(performance.now() - started)} 毫秒）`;
        const failed = problems.some((p) => p.severity === 'error');
        if (problems.length > 0)
          logger[failed ? 'error' : 'warn'](`\n${formatProblems(problems)}\n`);
        if (failed && command === 'build') {
          // No stack: the problems above are the whole story.
          const err = new Error(summary);
          err.stack = '';
          throw err;
        }
        logger.info(summary);
      },
    },
  };
}
