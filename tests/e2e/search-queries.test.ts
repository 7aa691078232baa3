/**
 * Real queries a resident would type, run in Chromium against the built sample site's index:
 * Pagefind segments the query with the browser's Intl.Segmenter, which Node's ICU does not match.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect } from 'vitest';
import { siteTest } from '../support/browser-test';
import { repoRoot } from '../support/run-build';
import { resultsFor } from './search-site';

const contentDir = join(repoRoot, 'content');

/** [what the resident types, the page that must be among the first three results] */
const QUERIES: [string, string][] = [
  // Names, roles, areas and duties find the cadre's own card.
  ['刘秀梅', '/contacts/#liu-xiumei'],
  ['张建国', '/contacts/#zhang-jianguo'],
  ['纪检委员', '/contacts/#zhao-weidong'],
  ['宣传委员', '/contacts/#chen-lijuan'],
  ['第二网格', '/contacts/#guo-xiaolei'],
  ['沿街商户', '/contacts/#zhou-haiyan'],
  ['低保', '/contacts/#liu-xiumei'],
  ['退役军人', '/contacts/#zhao-weidong'],
  ['养老保险', '/contacts/#sun-guifang'],
  ['疫苗接种', '/contacts/#zhou-haiyan'],
  ['党费收缴', '/contacts/#wang-zhiqiang'],
  ['矛盾调解', '/contacts/#ma-jun'],
  // 期号.
  ['第3期', '/study/2026-07/'],
  ['第5期', '/study/2026-09/'],
  // Words of two to four characters found only inside longer sentences.
  ['电话', '/study/2026-06/'],
  ['联系电话', '/study/2026-06/'],
  ['画廊', '/study/2026-05/'],
  ['学习型', '/reports/2026-10-31-xuexixing-dangzuzhi-jianshe/'],
  ['每家每户', '/study/2026-06/'],
  ['加装电梯', '/study/2026-05/'],
  ['微腐败', '/study/2026-09/'],
  ['四讲四有', '/study/2026-07/'],
  ['入党申请书', '/study/2026-07/'],
  ['96110', '/study/2026-10/'],
  // Phrases and figures from the reports.
  ['提水站', '/reports/2026-06-30-lianxi-qunzhong-baogao/'],
  ['困难群众综合服务窗口', '/reports/2026-08-31-quanqu-lianxi-qunzhong-zongjie/'],
  ['896', '/reports/2026-08-31-quanqu-lianxi-qunzhong-zongjie/'],
  ['双创', '/reports/2026-10-31-xuexixing-dangzuzhi-jianshe/'],
  // Notices.
  ['城乡居民医疗保险', '/notices/2026-11-20-yibao-jiaofei-tongzhi/'],
  ['消防安全入户检查', '/notices/2026-11-16-dongji-xiaofang-jiancha/'],
  ['邻里一家亲', '/notices/2026-09-01-zhongqiu-linli-lianhuan/'],
  ['民主评议', '/notices/2026-11-25-dangyuan-minzhu-pingyi/'],
  ['月饼', '/notices/2026-09-01-zhongqiu-linli-lianhuan/'],
];

/** Every entry the public site should offer in search, read from the content files. */
function publishedUrls(): string[] {
  const urls: string[] = [];
  for (const folder of ['study', 'reports', 'notices', 'contacts']) {
    for (const file of readdirSync(join(contentDir, folder)).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(contentDir, folder, file), 'utf8');
      const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { draft?: boolean };
      if (front.draft) continue;
      const id = file.replace(/\.md$/, '');
      urls.push(folder === 'contacts' ? `/contacts/#${id}` : `/${folder}/${id}/`);
    }
  }
  return urls.sort();
}

function draftIds(): string[] {
  return ['study', 'reports', 'notices'].flatMap((folder) =>
    readdirSync(join(contentDir, folder))
      .filter((file) =>
        /^draft:\s*true\s*$/m.test(readFileSync(join(contentDir, folder, file), 'utf8')),
      )
      .map((file) => file.replace(/\.md$/, '')),
  );
}

// A private copy, so a rebuild of the shared one by another test run cannot pull pages away.
const test = siteTest({ copy: true });

describe('Chinese queries on the sample site', () => {
  test('has at least 20 realistic queries', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(20);
  });

  test.for(QUERIES)('“%s” finds %s in the top three', async ([query, expected], { site, page }) => {
    const results = await resultsFor(page, site, query);
    expect(
      results.slice(0, 3),
      `“${query}”的前三条结果：${results.slice(0, 3).join('，')}`,
    ).toContain(expected);
  });
});

describe('what the index holds', () => {
  test('holds every published entry and every contact card, and no draft', async ({
    site,
    page,
  }) => {
    await page.goto(`${site.url}/search/`);
    // A string, so the test runner leaves the browser's own import() alone.
    const indexed: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const all = await pagefind.search(null);
      const data = await Promise.all(all.results.map((result) => result.data()));
      return data.map((entry) => entry.url).sort();
    })()`);
    expect(indexed).toEqual(publishedUrls());
    const drafts = draftIds();
    expect(drafts.length).toBeGreaterThan(0);
    for (const id of drafts) expect(indexed.join('\n')).not.toContain(id);
  });

  test('finds nothing for words that only a draft contains', async ({ site, page }) => {
    expect(await resultsFor(page, site, '红色教育基地')).toEqual([]);
    expect(await page.textContent('#search-status')).toMatch(/没有找到“红色教育基地”/);
    const results = await resultsFor(page, site, '十二月主题党日活动安排');
    for (const id of draftIds()) expect(results.join('\n')).not.toContain(id);
  });
});
