import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '@/integrations/pagefind';
import {
  VOLUME_PAGES,
  indexVolume,
  pageUrl,
  pruneVolumes,
  searchVolumes,
} from '@/integrations/search-index-volumes';
import { searchPageTags, type SearchSection } from '@/lib/search-attributes';
import { contactSearchRecord, type ContactSearchRecord } from '@/lib/search-contact-record';
import { indexContents } from '../support/pagefind-index-contents';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-volumes-'));
  dirs.push(dir);
  return dir;
}

const SECTIONS: [string, SearchSection][] = [
  ['study', '学习园地'],
  ['reports', '工作报告'],
  ['notices', '通知公告'],
];
const TOPICS = ['垃圾分类', '低保申请', '消防检查', '党史学习', '志愿服务', '医保缴费', '老年食堂'];

/** An entry page as the site writes it: the marked article with its metadata, filters and sorts. */
function entryPage(section: SearchSection, date: string, title: string, text: string): string {
  const tags = searchPageTags({
    section,
    date,
    issue: section === '学习园地' ? `第${date.slice(5, 7)}期` : undefined,
  })
    .map((attributes) =>
      Object.entries(attributes)
        .map(([name, value]) => `<span ${name}="${value}"></span>`)
        .join(''),
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body>
<nav>首页 学习园地 工作报告</nav><article data-pagefind-body>${tags}<h1>${title}</h1><p>${text}</p>
<button>朗读</button></article></body></html>`;
}

/** A volume's worth of entries a year in every section, each on its own day, plus a list page. */
const PER_SECTION = VOLUME_PAGES / SECTIONS.length;
const ENTRIES = 3 * VOLUME_PAGES;

function sitePages(edit?: string): Record<string, string> {
  const pages: Record<string, string> = {
    'study/year/index.html': '<!doctype html><html lang="zh-CN"><body><h1>往年</h1></body></html>',
  };
  let n = 0;
  for (const year of [2024, 2025, 2026])
    for (const [folderName, section] of SECTIONS)
      for (let i = 0; i < PER_SECTION; i++) {
        n += 1;
        const day = n % VOLUME_PAGES;
        const date = `${year}-${String(Math.floor(day / 28) + 1).padStart(2, '0')}-${String((day % 28) + 1).padStart(2, '0')}`;
        const topic = TOPICS[n % TOPICS.length] as string;
        const id = `${date}-${n}`;
        const text =
          `社区${topic}工作第${n}次推进。居民可到党群服务中心咨询${topic}，电话 0310-555${String(n).padStart(4, '0')}。` +
          `${TOPICS[(n + 3) % TOPICS.length]}和${TOPICS[(n + 5) % TOPICS.length]}同步开展，网格员上门走访。`;
        const file = `${folderName}/${id}/index.html`;
        pages[file] = entryPage(
          section,
          date,
          `${topic}工作情况（${n}）`,
          edit === file ? `${text}新增停车管理。` : text,
        );
      }
  return pages;
}

function writeSite(pages: Record<string, string>): string {
  const dir = folder();
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

const contacts: ContactSearchRecord[] = [
  contactSearchRecord('liu', {
    name: '刘秀梅',
    role: '党支部副书记',
    duties: '负责低保申请',
    phone: '13903101002',
  }),
  contactSearchRecord('wang', {
    name: '王志强',
    role: '网格员',
    duties: '消防检查，垃圾分类',
    phone: '13903101009',
  }),
];

/** Pagefind's own index of every page at once, as the site built it before volumes. */
async function wholeSiteIndex(siteDir: string): Promise<string> {
  const output = folder();
  const { index } = await pagefind.createIndex({
    excludeSelectors: ['button', '[hidden]', '.no-print'],
  });
  if (!index) throw new Error('Pagefind did not start');
  await index.addDirectory({ path: siteDir, glob: '{study,reports,notices}/*/index.html' });
  for (const record of contacts) await index.addCustomRecord(record);
  await index.writeFiles({ outputPath: output });
  await pagefind.close();
  return output;
}

function files(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      result[name] = readFileSync(join(dir, name)).toString('base64');
    } catch {
      // a folder
    }
  }
  return result;
}

describe('searchVolumes', () => {
  it('gives a busy year a volume of its own and joins quiet years to the years after them', () => {
    const files = (year: number, count: number, section = 'notices') =>
      Array.from(
        { length: count },
        (_, i) => `${section}/${year}-01-${String(i + 1).padStart(2, '0')}-x/index.html`,
      );
    const volumes = searchVolumes(
      [
        ...files(2026, 5),
        ...files(2025, 12, 'reports'),
        ...files(2020, 3),
        ...files(2021, 2),
        ...files(2022, 6),
        'study/qi-1/index.html',
      ],
      contacts,
      10,
    );
    expect(
      volumes.map(({ name, files: pages, records }) => [name, pages.length + records.length]),
    ).toEqual([
      ['2020–2022', 11],
      ['2025', 12],
      ['2026', 5],
      ['其他', 1],
      ['联系卡', 2],
    ]);
    expect(volumes[1]?.files).toEqual([...files(2025, 12, 'reports')].sort());
  });
});

describe('pruneVolumes', () => {
  it('keeps the volumes of this build, the one before and any in use meanwhile', () => {
    const cache = folder();
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    const made = (name: string) => {
      mkdirSync(join(cache, name));
      utimesSync(join(cache, name), hourAgo, hourAgo);
    };
    made('old');
    made('previous');
    pruneVolumes(cache, ['previous']);
    expect(readdirSync(cache).sort()).toEqual(['previous', 'recent.json']);
    made('current');
    // Another build made this one a moment ago.
    mkdirSync(join(cache, 'beside'));
    pruneVolumes(cache, ['current']);
    expect(readdirSync(cache).sort()).toEqual(['beside', 'current', 'previous', 'recent.json']);
    pruneVolumes(cache, ['current']);
    expect(readdirSync(cache).sort()).toEqual(['beside', 'current', 'recent.json']);
  });
});

describe('the search index in volumes', () => {
  it('holds exactly what Pagefind indexes from all the pages at once', async () => {
    const siteDir = writeSite(sitePages());
    const logs: string[] = [];
    const result = await buildSearchIndex({ siteDir, contacts, log: (line) => logs.push(line) });
    expect(result).toMatchObject({ pages: ENTRIES, contacts: 2 });
    // Three years and the contact cards, each indexed on its own.
    expect(logs.join('\n')).toMatch(/4 卷（沿用上次构建的 0 卷）已合并为一个索引/);

    const merged = indexContents(join(siteDir, 'pagefind'));
    const whole = indexContents(await wholeSiteIndex(siteDir));
    expect(merged.pages.size).toBe(ENTRIES + 2);
    expect(merged.chunks).toBeGreaterThan(1);
    expect(merged.version).toBe(whole.version);
    expect(merged.fields).toEqual(whole.fields);
    expect([...merged.pages].sort()).toEqual([...whole.pages].sort());
    expect(merged.words.size).toBe(whole.words.size);
    expect([...merged.words].sort()).toEqual([...whole.words].sort());
    expect(merged.filters).toEqual(whole.filters);
    // Every entry has its own date: both orders are fully determined.
    expect(merged.sorts).toEqual(whole.sorts);
  });

  it('re-indexes only the year of a changed entry, with the same result as indexing afresh', async () => {
    const cacheDir = folder();
    await buildSearchIndex({ siteDir: writeSite(sitePages()), contacts, cacheDir });

    const changed = Object.keys(sitePages()).find((file) =>
      file.startsWith('reports/2025-'),
    ) as string;
    const edited = writeSite(sitePages(changed));
    const logs: string[] = [];
    await buildSearchIndex({ siteDir: edited, contacts, cacheDir, log: (line) => logs.push(line) });
    const log = logs.join('\n');
    expect(log).toContain(` 2025：${VOLUME_PAGES} 页`);
    expect(log).not.toMatch(/ 2024：| 2026：|联系卡：/);
    expect(log).toMatch(/4 卷（沿用上次构建的 3 卷）/);
    expect(indexContents(join(edited, 'pagefind')).words.get('停车')?.[0]).toContain(
      `/${changed.replace('index.html', '')}`,
    );

    const fresh = writeSite(sitePages(changed));
    await buildSearchIndex({ siteDir: fresh, contacts });
    expect(files(join(edited, 'pagefind'))).toEqual(files(join(fresh, 'pagefind')));
  });

  it("numbers a volume's pages in the volume's order while several are on their way", async () => {
    const pages = sitePages();
    const siteDir = writeSite(pages);
    // Not the order of the file names: the pages must come out as they were handed over.
    const order = Object.keys(pages)
      .filter((file) => file.startsWith('reports/2026-'))
      .sort((a, b) => b.length - a.length || b.localeCompare(a));
    expect(order.length).toBeGreaterThan(20);
    for (let run = 0; run < 5; run++) {
      const output = folder();
      const { errors, pages: indexed } = await indexVolume(
        siteDir,
        { name: '2026', files: order, records: [] },
        output,
        { excludeSelectors: [] },
      );
      expect(errors).toEqual([]);
      expect(indexed).toBe(order.length);
      expect([...indexContents(output).pages.keys()]).toEqual(order.map(pageUrl));
    }
    await pagefind.close();
  });

  it('indexes all pages at once when a page has sort values it cannot read', async () => {
    const pages = sitePages();
    const [first] = Object.keys(pages).filter((file) => file.startsWith('notices/'));
    pages[first as string] = (pages[first as string] as string).replace(
      /data-pagefind-sort="newest:[^"]*"/,
      'data-pagefind-sort="newest:2026&#45;01&#45;01"',
    );
    const siteDir = writeSite(pages);
    const logs: string[] = [];
    const result = await buildSearchIndex({ siteDir, contacts, log: (line) => logs.push(line) });
    expect(logs.join('\n')).toContain('改为一次读取全部页面');
    expect(result).toMatchObject({ pages: ENTRIES, contacts: 2 });
    expect(indexContents(join(siteDir, 'pagefind')).pages.size).toBe(ENTRIES + 2);
  });
});
