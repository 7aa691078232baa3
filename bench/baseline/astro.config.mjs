// @ts-check
// The plainest Astro site doing the same job as ours: the bench compares our build with it.
import { defineConfig } from 'astro/config';

export default defineConfig({
  // A fresh cache per run, outside the repository: every build is a cold build.
  ...(process.env.BENCH_CACHE_DIR
    ? {
        cacheDir: process.env.BENCH_CACHE_DIR,
        vite: { cacheDir: `${process.env.BENCH_CACHE_DIR}/vite` },
      }
    : {}),
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
