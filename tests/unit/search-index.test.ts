import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '@/integrations/pagefind';
import { contactSearchRecord } from '@/lib/search-contact-record';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  dirs.push(dir);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`;

const contact = contactSearchRecord('liu', {
  name: '刘秀梅',
  role: '党支部副书记',
  duties: '负责低保',
  phone: '13903101002',
});

describe('buildSearchIndex', () => {
  it('indexes the marked pages and the contact records in one Chinese index', async () => {
    const dir = site({
      'study/1/index.html': page(
        'zh-CN',
        '<article data-pagefind-body><h1>学习园地</h1></article>',
      ),
      'index.html': page('zh-CN', '<h1>首页</h1>'),
    });
    const logs: string[] = [];
    const result = await buildSearchIndex({
      siteDir: dir,
      contacts: [contact],
      log: (line) => logs.push(line),
    });
    expect(result).toMatchObject({ pages: 1, contacts: 1 });
    expect(result.bytes).toBeGreaterThan(0);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages['zh-cn'].page_count).toBe(2);
    expect(readdirSync(join(dir, 'pagefind'))).not.toContain('pagefind-ui.js');
    expect(logs.join('\n')).toContain('已加入 1 张联系卡');
  });

  it('fails the build when no page is marked for search', async () => {
    const dir = site({
      'index.html': page('zh-CN', '<h1>首页</h1>'),
      'notices/a/index.html': page('zh-CN', '<h1>通知</h1>'),
    });
    await expect(buildSearchIndex({ siteDir: dir, contacts: [] })).rejects.toThrow(
      /没有标出正文.*data-pagefind-body/,
    );
  });

  it('writes an empty index for a site with nothing published yet', async () => {
    const dir = site({ 'index.html': page('zh-CN', '<h1>首页</h1>') });
    const result = await buildSearchIndex({ siteDir: dir, contacts: [] });
    expect(result).toMatchObject({ pages: 0, contacts: 0 });
    expect(readdirSync(join(dir, 'pagefind'))).toContain('pagefind.js');
  });

  it('fails the build when pages are not marked as Chinese', async () => {
    const dir = site({
      'notices/a/index.html': page('en', '<article data-pagefind-body><h1>学习园地</h1></article>'),
    });
    await expect(buildSearchIndex({ siteDir: dir, contacts: [] })).rejects.toThrow(
      /应当只有 zh-cn.*lang="zh-CN"/,
    );
  });

  describe('with a cache of earlier indexes', () => {
    const files = (dir: string) =>
      Object.fromEntries(
        readdirSync(join(dir, 'pagefind'), { recursive: true, encoding: 'utf8' })
          .sort()
          .map((name) => {
            try {
              return [name, readFileSync(join(dir, 'pagefind', name)).toString('base64')];
            } catch {
              return [name, 'folder'];
            }
          }),
      );
    const pages = {
      'study/1/index.html': page(
        'zh-CN',
        '<article data-pagefind-body><h1>垃圾分类</h1></article>',
      ),
      'notices/2/index.html': page(
        'zh-CN',
        '<article data-pagefind-body><h1>停水通知</h1></article>',
      ),
    };

    it('copies the index an earlier build made from the same pages, file for file', async () => {
      const cacheDir = site({});
      const first = site(pages);
      const made = await buildSearchIndex({ siteDir: first, contacts: [contact], cacheDir });
      expect(made.reused).toBe(false);
      const second = site(pages);
      const logs: string[] = [];
      const copied = await buildSearchIndex({
        siteDir: second,
        contacts: [contact],
        cacheDir,
        log: (line) => logs.push(line),
      });
      expect(copied).toMatchObject({ reused: true, pages: 2, contacts: 1 });
      expect(logs.join('\n')).toContain('沿用上次构建的索引');
      expect(files(second)).toEqual(files(first));
      // The same files Pagefind writes when it indexes those pages afresh.
      const uncached = site(pages);
      await buildSearchIndex({ siteDir: uncached, contacts: [contact] });
      expect(files(second)).toEqual(files(uncached));
    });

    it('indexes again when one page or one contact card changed', async () => {
      const cacheDir = site({});
      await buildSearchIndex({ siteDir: site(pages), contacts: [contact], cacheDir });
      const edited = site({
        ...pages,
        'notices/2/index.html': page(
          'zh-CN',
          '<article data-pagefind-body><h1>停电通知</h1></article>',
        ),
      });
      expect(
        await buildSearchIndex({ siteDir: edited, contacts: [contact], cacheDir }),
      ).toMatchObject({ reused: false });
      const fresh = site(pages);
      await buildSearchIndex({ siteDir: fresh, contacts: [contact], cacheDir: site({}) });
      expect(files(edited)).not.toEqual(files(fresh));

      const moved = contactSearchRecord('liu', {
        name: '刘秀梅',
        role: '党支部副书记',
        duties: '负责低保和医保',
        phone: '13903101002',
      });
      expect(
        await buildSearchIndex({ siteDir: site(pages), contacts: [moved], cacheDir }),
      ).toMatchObject({ reused: false });
    });
  });
});
