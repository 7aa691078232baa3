import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { inject, test as base } from 'vitest';
import { launchChromium } from './browser';
import { freePortIn, startCmsDevServer, type CmsDevServer } from './cms-dev-server';
import { serveStatic } from './static-server';

/** A built site served on a free loopback port. */
export interface ServedSite {
  url: string;
  /** The folder served: the built site, or this file's private copy of it. */
  dir: string;
}

/** What a helper of a site test needs from its fixtures. */
export interface SiteFixtures {
  site: ServedSite;
  browser: Browser;
}

export interface SiteTestOptions {
  /**
   * The built site to serve, once per file; it may build one. The sample site of the global setup
   * unless given.
   */
  dir?: () => string | Promise<string>;
  /**
   * Serve a private copy, so a rebuild of the shared sample site by another test run cannot pull
   * pages away mid-file. `without` names a top-level folder left out of the copy.
   */
  copy?: boolean | { without: string };
  /** Options of the file's shared `page`. */
  page?: BrowserContextOptions;
}

/** Chromium, opened once per test file on first use and closed after the file. */
export const browserTest = base.extend(
  'browser',
  { scope: 'file' },
  async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  },
);

/**
 * Browser tests over a built site. Fixtures, each set up once per file: `browser`; `site`, the
 * site served; `page`, one tab on it; `serve(dir)`, any other folder served. Call it at the top
 * level of a test file: the site and browser start in a suite hook, under the hook timeout, so a
 * slow build is not charged to the first test.
 */
export function siteTest(options: SiteTestOptions = {}) {
  const test = browserTest
    .extend('serve', { scope: 'file' }, async ({}, { onCleanup }) => {
      const servers: { close(): Promise<void> }[] = [];
      onCleanup(async () => {
        await Promise.all(servers.map((server) => server.close()));
      });
      return async (dir: string): Promise<string> => {
        const server = await serveStatic(dir);
        servers.push(server);
        return server.url;
      };
    })
    .extend('site', { scope: 'file' }, async ({ serve }, { onCleanup }): Promise<ServedSite> => {
      const built = await (options.dir?.() ?? inject('siteDir'));
      let dir = built;
      if (options.copy) {
        const without = typeof options.copy === 'object' ? join(built, options.copy.without) : '';
        dir = mkdtempSync(join(tmpdir(), 'site-copy-'));
        cpSync(built, dir, {
          recursive: true,
          filter: (source) => !without || !source.startsWith(without),
        });
        onCleanup(() => rmSync(dir, { recursive: true, force: true }));
      }
      return { url: await serve(dir), dir };
    })
    .extend('page', { scope: 'file' }, async ({ browser }): Promise<Page> => {
      // In a context of its own, as axe needs; closed with the browser.
      const context = await browser.newContext(options.page);
      return context.newPage();
    });
  // Started in a suite hook, under the hook timeout, rather than inside the first test.
  test.beforeAll(async ({ site, browser }) => {
    void [site, browser];
  });
  return test;
}

export interface CmsTestOptions {
  /** The dev server's port, or the range of this test file's ports to take the first free one of. */
  port: number | [first: number, last: number];
  /** How long the dev server may take to answer; 2 minutes unless given. */
  startTimeout?: number;
}

/**
 * Browser tests of the CMS on the real dev server (`npm start`) over a copy of the sample content.
 * Fixtures, each set up once per file: `browser` and `cms` (origin, content folder, server log).
 * Both start in a suite hook, under the hook timeout.
 */
export function cmsTest(options: CmsTestOptions) {
  const test = browserTest.extend(
    'cms',
    { scope: 'file' },
    async ({}, { onCleanup }): Promise<CmsDevServer> => {
      const port = Array.isArray(options.port) ? await freePortIn(...options.port) : options.port;
      const server = await startCmsDevServer(port, options.startTimeout);
      onCleanup(() => server.stop());
      return server;
    },
  );
  // Started in a suite hook, under the hook timeout, rather than inside the first test.
  test.beforeAll(async ({ cms, browser }) => {
    void [cms, browser];
  });
  return test;
}
