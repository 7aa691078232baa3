/** What the publishing server and its kept build process (build-worker.ts) say to each other. */

export interface BuildRequest {
  type: 'build';
  id: number;
  /** The build folder: Astro's root. */
  root: string;
  outDir: string;
  /** The whole environment of this build (site settings, SITE_TODAY, …). */
  env: Record<string, string>;
}

export interface WorkerMessage {
  /** pages: every page is written, the search index is next; done: the build has ended. */
  type: 'pages' | 'done';
  id?: number;
  ok?: boolean;
  /** Resident memory after the build and a full garbage collection. */
  rss?: number;
  /** What the JavaScript heap still holds then: memory a next build cannot have back. */
  heapUsed?: number;
  /** CPU seconds the build took in this process (Pagefind's process not counted). */
  cpuSeconds?: number;
}

/** Written on both output streams after a build; the server strips it. */
export const END_MARK = '\u001e构建结束';
