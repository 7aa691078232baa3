import fs, {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { guardFolder } from '../../src/integrations/replace-on-write.ts';
import { reusePages } from '../../src/integrations/reuse-pages.ts';

const root = mkdtempSync(join(tmpdir(), 'reuse-pages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => guardFolder(undefined));

const logged: string[] = [];
const logger = { info: (line: string) => logged.push(line) } as unknown as AstroIntegrationLogger;

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

describe('writing into a guarded folder', () => {
  const live = join(root, 'live');
  const building = join(root, 'building');
  write(join(live, 'a.html'), '旧的');
  write(join(live, 'b.html'), '旧的');
  write(join(live, 'c.html'), '旧的');
  mkdirSync(building, { recursive: true });
  for (const name of ['a.html', 'b.html', 'c.html'])
    linkSync(join(live, name), join(building, name));

  it('replaces a hard-linked file instead of writing through the link', async () => {
    guardFolder(building);
    await fs.promises.writeFile(join(building, 'a.html'), '新的');
    fs.writeFileSync(pathToFileURL(join(building, 'b.html')), '新的');
    expect(readFileSync(join(building, 'a.html'), 'utf8')).toBe('新的');
    expect(readFileSync(join(building, 'b.html'), 'utf8')).toBe('新的');
    expect(readFileSync(join(live, 'a.html'), 'utf8')).toBe('旧的');
    expect(readFileSync(join(live, 'b.html'), 'utf8')).toBe('旧的');
    expect(statSync(join(live, 'a.html')).nlink).toBe(1);
  });

  it('writes in place outside the guarded folder and once the guard ends', async () => {
    guardFolder(join(root, 'elsewhere'));
    await fs.promises.writeFile(join(building, 'c.html'), '改了');
    expect(readFileSync(join(live, 'c.html'), 'utf8')).toBe('改了');
  });
});

/** Runs the integration's hooks as Astro would for one build of `pages` into `outDir`. */
async function build(options: {
  from: string | undefined;
  outDir: string;
  cacheDir: string;
  pages: Record<string, string>;
}) {
  const integration = reusePages({ enabled: true, from: options.from });
  const hooks = integration.hooks as Record<string, (params: unknown) => unknown>;
  const config = {
    outDir: pathToFileURL(`${options.outDir}/`),
    cacheDir: pathToFileURL(`${options.cacheDir}/`),
  };
  hooks['astro:config:done']!({ config });
  hooks['astro:build:start']!({ logger });
  const reused: string[] = [];
  for (const [page, text] of Object.entries(options.pages)) {
    const file = join(options.outDir, page);
    // Astro leaves a page it finds in the folder alone when it can reuse it (here: same text).
    if (existsSync(file) && readFileSync(file, 'utf8') === text) reused.push(page);
    else {
      mkdirSync(join(file, '..'), { recursive: true });
      await fs.promises.writeFile(file, text);
    }
  }
  const assets = new Map(
    Object.keys(options.pages).map((page) => [page, [pathToFileURL(join(options.outDir, page))]]),
  );
  hooks['astro:build:done']!({ assets, logger });
  return reused;
}

describe('starting a build from the pages of the last one', () => {
  const cacheDir = join(root, 'cache');
  const first = join(root, 'release-1');
  const second = join(root, 'release-2');
  const pages = {
    'index.html': '首页',
    'notices/a/index.html': '通知甲',
    'notices/b/index.html': '通知乙',
    'notices/b/wechat/cover.png': '封面乙',
  };

  it('reuses unchanged pages, rewrites changed ones, removes those no longer built', async () => {
    expect(await build({ from: undefined, outDir: first, cacheDir, pages })).toEqual([]);
    write(join(second, 'leftover.html'), '上一次失败的构建留下的');
    const reused = await build({
      from: first,
      outDir: second,
      cacheDir,
      pages: { 'index.html': '首页（新）', 'notices/a/index.html': '通知甲' },
    });
    expect(reused).toEqual(['notices/a/index.html']);
    expect(statSync(join(second, 'notices/a/index.html')).ino).toBe(
      statSync(join(first, 'notices/a/index.html')).ino,
    );
    expect(readFileSync(join(second, 'index.html'), 'utf8')).toBe('首页（新）');
    // The release it started from is unchanged, and what is gone from the site is gone.
    expect(readFileSync(join(first, 'index.html'), 'utf8')).toBe('首页');
    expect(existsSync(join(second, 'notices/b'))).toBe(false);
    expect(existsSync(join(second, 'leftover.html'))).toBe(false);
    expect(readFileSync(join(first, 'notices/b/wechat/cover.png'), 'utf8')).toBe('封面乙');
  });

  it('links only the pages its own record lists, never a path outside the folder', async () => {
    writeFileSync(
      join(cacheDir, 'page-files.json'),
      JSON.stringify({ files: ['../release-1/index.html', '/etc/passwd', 'index.html'] }),
    );
    const third = join(root, 'release-3');
    await build({ from: second, outDir: third, cacheDir, pages: { 'index.html': '首页（新）' } });
    expect(existsSync(join(root, 'release-1/index.html'))).toBe(true);
    expect(statSync(join(third, 'index.html')).ino).toBe(statSync(join(second, 'index.html')).ino);
  });
});
