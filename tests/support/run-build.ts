import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildResult {
  code: number;
  output: string;
}

/**
 * Builds the site as `npm run build` does, with the project's pinned Node, optionally from
 * content elsewhere and into another folder.
 */
export function runBuild(options: {
  outDir: string;
  contentDir?: string;
  today?: string;
}): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, SITE_TODAY: options.today ?? '2026-11-28' };
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  delete env.NODE_ENV;
  if (options.contentDir) env.SITE_CONTENT_DIR = options.contentDir;
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', options.outDir], {
      cwd: repoRoot,
      env,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
