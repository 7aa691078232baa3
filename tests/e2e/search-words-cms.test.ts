/**
 * A secretary hears a new everyday word, adds it to 搜索用词 in the CMS, publishes, and after the
 * next build residents' questions with that word find the page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect } from 'vitest';
import { runChecks } from '../../src/checks/run-checks';
import { cmsTest } from '../support/browser-test';
import { openAdmin, publishEntry } from '../support/cms-dev-server';
import { runBuild } from '../support/run-build';
import { serveStatic } from '../support/static-server';
import { waitForResults } from './search-site';

const FIRE_CHECK = '/notices/2026-11-16-dongji-xiaofang-jiancha/';

// The first free port of this test's range: another checkout may be running it too.
const test = cmsTest({ port: [4506, 4519] });
const out = mkdtempSync(join(tmpdir(), 'search-words-cms-'));

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('搜索用词 in the CMS', () => {
  test('adds a pair that the next build applies to residents’ questions', async ({
    cms: server,
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    const page = await openAdmin(context, server.origin);
    await page.getByText('搜索用词', { exact: true }).first().click();
    await page.getByText('搜索用词', { exact: true }).last().click();
    const rows = (
      parse(readFileSync(join(server.content, 'settings/search-words.yml'), 'utf8')) as {
        words: unknown[];
      }
    ).words.length;
    const add = page.locator('button', { hasText: '新增词表' });
    await add.waitFor({ timeout: 180_000 });
    expect(await page.getByText(`${rows} 词表`).count()).toBe(1);

    await add.click();
    await page.getByLabel('居民说法').last().fill('灶台漏气');
    // Only the new row is open; the other rows' buttons are in the page but hidden.
    await page.locator('button:visible', { hasText: '新增网站用词' }).click();
    await page.getByLabel('网站用词').last().fill('燃气');
    await publishEntry(page);
    await page.getByText('含未保存的修改').waitFor({ state: 'detached', timeout: 60_000 });
    await context.close();

    const file = join(server.content, 'settings/search-words.yml');
    const saved = parse(readFileSync(file, 'utf8')) as {
      words: { everyday: string; site: string[] }[];
    };
    expect(saved.words).toHaveLength(rows + 1);
    expect(saved.words.at(-1)).toEqual({ everyday: '灶台漏气', site: ['燃气'] });
    const problems = runChecks(server.work).problems;
    expect(problems.filter((p) => p.file.endsWith('search-words.yml'))).toEqual([]);

    const build = await runBuild({ outDir: join(out, 'site'), contentDir: server.content });
    expect(build.code, build.output.slice(-2000)).toBe(0);
    const site = await serveStatic(join(out, 'site'));
    try {
      const reader = await browser.newPage({ viewport: { width: 360, height: 780 } });
      const question = '灶台漏气找谁';
      await reader.goto(`${site.url}/search/?q=${encodeURIComponent(question)}`);
      await waitForResults(reader, question);
      const links = await reader
        .locator('.search-result__title a')
        .evaluateAll((all) => all.map((link) => link.getAttribute('href')));
      expect(links.slice(0, 3)).toContain(FIRE_CHECK);
    } finally {
      await site.close();
    }
  }, 300_000);
});
