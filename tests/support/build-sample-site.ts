import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot, runBuild } from './run-build';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

/** Builds the sample site once for every site and browser test. */
export default async function setup(project: TestProject) {
  // SAMPLE_SITE_DIR lets several checkouts' test runs build side by side without sharing a folder.
  const siteDir = process.env.SAMPLE_SITE_DIR ?? join(repoRoot, 'tests/.output/sample-site');
  rmSync(siteDir, { recursive: true, force: true });
  const started = Date.now();
  const { code, output } = await runBuild({ outDir: siteDir });
  if (code !== 0) throw new Error(`示例网站构建失败：\n${output}`);
  console.log(`示例网站已构建到 ${siteDir}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  project.provide('siteDir', siteDir);
}
