import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { cmsTest } from '../support/browser-test';
import { publishEntry, type CmsDevServer } from '../support/cms-dev-server';

/**
 * The CMS forms as a secretary meets them, through the real dev server on a copy of the content:
 * no traps in the forms, dates typed year first, the privacy guard hinting while typing, and no
 * English or developer words on screen or for screen readers.
 */

const test = cmsTest({ port: [4522, 4539] });
// Bound from the fixtures once per file: the dev server, its folder (holding content/) and address.
let server: CmsDevServer | undefined;
let work = '';
let content = '';
let origin = '';
let context: BrowserContext;
let page: Page;

/** A fresh tab on the admin, logged in to the local backend. */
async function openAdmin(hash = '') {
  await page?.close();
  page = await context.newPage();
  page.on('pageerror', (error) => console.log('页面错误：', error.message));
  await page.goto(`${origin}/admin/`);
  const login = page.getByRole('button', { name: '登录' });
  const collections = page.getByText('学习园地', { exact: true }).first();
  await login.or(collections).first().waitFor({ timeout: 120_000 });
  if (await login.isVisible()) await login.click();
  await collections.waitFor({ timeout: 60_000 });
  if (hash) await page.goto(`${origin}/admin/${hash}`);
}

/**
 * Runs a browser scenario again when the dev server reloaded the page in the middle of it (a
 * source file changed on disk); any other failure fails the test.
 */
async function despiteReloads(scenario: () => Promise<void>) {
  for (let attempt = 1; ; attempt += 1) {
    const from = server!.log().length;
    try {
      await scenario();
      return;
    } catch (error) {
      const reloaded = /\[watch\]|page reload|hmr update|optimized dependencies/i.test(
        server!.log().slice(from),
      );
      if (!reloaded || attempt === 4) throw error;
      console.log('开发服务器中途重新加载了页面，重做这一步');
    }
  }
}

/**
 * Latin words a secretary would see or hear: visible text, and the labels, titles, placeholders
 * and role descriptions read out by screen readers. File names and example 网址名 (lower-case
 * words joined by hyphens, as they must be typed) and key names are not jargon.
 */
async function latinWords(): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    const add = (where: string, text: string) => {
      const words = (text.match(/[A-Za-z][A-Za-z0-9_.-]*/g) ?? []).filter(
        (w) => !/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(w) && !/^(?:Esc|Ctrl|Enter)$/.test(w),
      );
      if (words.length > 0)
        found.add(`${where}: ${words.join(' ')} 〔${text.trim().slice(0, 60)}〕`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, [contenteditable="true"]')) continue;
      // Screen readers also read hidden instructions referenced by aria-describedby.
      const hidden = parent.closest('[hidden], [aria-hidden="true"]');
      const described = parent.closest('[id^="DndDescribedBy"], [id^="DndLiveRegion"]');
      if (hidden && !described) continue;
      add('文字', node.textContent ?? '');
    }
    for (const el of document.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = el.getAttribute(name);
        if (value) add(name, value);
      }
      if (el instanceof HTMLInputElement && el.type === 'button') add('按钮', el.value);
    }
    return [...found];
  });
}

test.beforeAll(async ({ cms, browser }) => {
  server = cms;
  ({ work, content, origin } = cms);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  // Lazy parts (body editor, pinyin) load through the dev server, slowly on a busy machine.
  context.setDefaultTimeout(60_000);
}, 240_000);

afterAll(() => {
  writeFileSync(join(tmpdir(), 'cms-forms-server.log'), server?.log() ?? '');
});

describe('表单没有陷阱', () => {
  test(
    '不填“数据”的工作报告可以发布：没有空行，日期逐字输入（先写年），网址名不填时按标题拼音生成',
    () =>
      despiteReloads(async () => {
        await openAdmin('#/collections/reports/new');
        await page.getByLabel('标题', { exact: true }).fill('十二月主题党日安排');
        // An optional list starts empty: no row of 名称/数值 waiting to be removed.
        await page.getByText('数据', { exact: false }).first().waitFor();
        expect(await page.getByLabel('名称', { exact: true }).count()).toBe(0);

        const date = page.getByLabel('日期', { exact: true });
        await date.click();
        await page.keyboard.type('2026-12-01', { delay: 40 });
        await expect.poll(() => date.inputValue()).toBe('2026-12-01');
        await page.getByText('2026年12月1日', { exact: true }).waitFor();

        await page.getByLabel('摘要', { exact: true }).fill('十二月主题党日的时间、地点和内容。');
        await page.getByLabel('类别', { exact: true }).click();
        await page.getByText('主题党日', { exact: true }).last().click();
        await page.locator('[contenteditable="true"]').last().click();
        await page.keyboard.type('全体党员参加。');
        const urlName = page.getByLabel(/网址名/);
        await expect.poll(() => urlName.inputValue(), { timeout: 60_000 }).toMatch(/zhuti-?dangri/);

        await publishEntry(page);
        const saved = () =>
          readdirSync(join(content, 'reports')).find((name) => name.startsWith('2026-12-01-'));
        await expect
          .poll(saved, { timeout: 30_000 })
          .toMatch(/^2026-12-01-[a-z0-9-]*zhuti-?dangri/);
        const text = readFileSync(join(content, 'reports', saved()!), 'utf8');
        expect(text).toMatch(/^date: '?2026-12-01'?$/m);
        expect(text).not.toContain('figures');
      }),
    240_000,
  );

  test(
    '日期也可以写成“2026年3月5日”；写不完整时说明怎么写，保存被拒并列出每一项和原因',
    () =>
      despiteReloads(async () => {
        await openAdmin('#/collections/notices/new');
        const date = page.getByLabel('发布日期', { exact: true });
        await date.click();
        await page.keyboard.type('2026年3月5日', { delay: 30 });
        await page.getByText('2026年3月5日', { exact: true }).waitFor();
        await date.fill('2026-3');
        await page.getByText('还不是完整的日期', { exact: false }).waitFor();

        await publishEntry(page);
        const box = page.locator('.save-refused');
        await box.waitFor();
        const text = await box.innerText();
        expect(text).toContain('标题');
        expect(text).toContain('发布日期：“发布日期”应先写年');
        await box.getByRole('button', { name: /^标题/ }).click();
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
          .toBe(await page.getByLabel('标题', { exact: true }).getAttribute('id'));
        expect(existsSync(join(content, 'notices'))).toBe(true);
      }),
    240_000,
  );

  test(
    '点“新增专题”后光标就在新的一行里',
    () =>
      despiteReloads(async () => {
        await openAdmin('#/collections/study/new');
        await page.getByRole('button', { name: /新增专题|添加专题/ }).click();
        await expect
          .poll(() =>
            page.evaluate(() => {
              const active = document.activeElement;
              return active instanceof HTMLInputElement && active.id.startsWith('item-field');
            }),
          )
          .toBe(true);
        await page.keyboard.type('党章学习');
        expect(await page.locator('[id^="item-field"]').last().inputValue()).toBe('党章学习');
      }),
    240_000,
  );
});

describe('边打字边检查个人信息', () => {
  test(
    '正文里打出居民的手机号和身份证号时，字段下面马上出现提示和打码写法',
    () =>
      despiteReloads(async () => {
        // Three fresh forms: the hint must not depend on how fast the editor loads.
        for (let round = 0; round < 3; round += 1) {
          await openAdmin('#/collections/notices/new');
          const body = page.locator('[contenteditable="true"]').last();
          // The body editor may still be mounting: type again until the text is really in it.
          await expect
            .poll(
              async () => {
                await body.click();
                if (!(await body.innerText()).includes('13812345678'))
                  await page.keyboard.type('请居民王某某联系 13812345678', { delay: 20 });
                return body.innerText();
              },
              { timeout: 60_000, interval: 500 },
            )
            .toContain('13812345678');
          const hint = page.locator('.privacy-hint').filter({ hasText: '138****5678' });
          await hint.waitFor({ timeout: 60_000 });
          expect(await hint.innerText()).toContain('这样写不能保存');
        }

        const summary = page.getByLabel(/摘要/);
        await summary.click();
        await page.keyboard.type('身份证号 11010119900307002X', { delay: 10 });
        await page
          .locator('.privacy-hint')
          .filter({ hasText: '110101********002X' })
          .waitFor({ timeout: 60_000 });
        await summary.fill('居民王小珍家住桥北路18号院3栋2单元401室，患肾病多年。');
        await page.locator('.privacy-hint').filter({ hasText: '王某某' }).waitFor();
        await page.screenshot({ path: join(work, '..', 'cms-privacy-hint.png') });

        // Masked, the hint goes away.
        await summary.fill('居民王某某家住某小区，常年患病。');
        await expect.poll(() => page.locator('.privacy-hint').count()).toBe(1);
      }),
    400_000,
  );

  test(
    '联系卡里干部自己的电话不提示',
    () =>
      despiteReloads(async () => {
        await openAdmin('#/collections/contacts/entries/ma-jun');
        const phone = page.getByLabel('联系电话', { exact: true });
        await expect.poll(() => phone.inputValue(), { timeout: 30_000 }).toBe('13903101008');
        await phone.fill('');
        await phone.click();
        await page.keyboard.type('13912345670', { delay: 20 });
        await page.getByLabel('职务', { exact: true }).click();
        await page.keyboard.type('（兼）');
        await expect.poll(() => phone.inputValue(), { timeout: 30_000 }).toBe('13912345670');
        expect(await page.locator('.privacy-hint').count()).toBe(0);
      }),
    240_000,
  );
});

describe('处处是中文', () => {
  test(
    '登录页没有 Decap 标志，标题是中文',
    ({ browser }) =>
      despiteReloads(async () => {
        // A new browser profile: nobody logged in yet.
        const fresh = await browser.newContext({ locale: 'zh-CN' });
        const tab = await fresh.newPage();
        await tab.goto(`${origin}/admin/`);
        const login = tab.getByRole('button', { name: '登录' });
        await login.waitFor({ timeout: 120_000 });
        await tab.getByRole('heading', { name: /内容管理/ }).waitFor();
        const logos = await tab.evaluate(
          () =>
            [...document.querySelectorAll('section svg')].filter(
              (svg) => (svg as SVGElement).getBoundingClientRect().width > 0,
            ).length,
        );
        expect(logos).toBe(0);
        await fresh.close();
      }),
    240_000,
  );

  test(
    '列表页、各栏目的新建表单和编辑页上没有英文和术语（含读屏文字）',
    () =>
      despiteReloads(async () => {
        const pages = [
          '#/collections/study',
          '#/collections/study/new',
          '#/collections/reports/new',
          '#/collections/notices/new',
          '#/collections/contacts/new',
          '#/collections/reports/entries/2026-08-31-quanqu-lianxi-qunzhong-zongjie',
          '#/collections/study/entries/2026-05',
        ];
        const found: string[] = [];
        for (const hash of pages) {
          // Each page in a fresh tab, as a secretary arrives from the list: Decap keeps the first
          // form's state when the address alone jumps from one form to another.
          await openAdmin(hash);
          await page
            .locator(
              hash.includes('/new') || hash.includes('/entries/')
                ? 'label'
                : 'a[href*="/entries/"]',
            )
            .first()
            .waitFor();
          // Lazy parts (the body editor, list rows) are on the page once the body field is.
          if (hash.includes('/new') || hash.includes('/entries/'))
            await page.locator('[contenteditable="true"]').first().waitFor();
          for (const word of await latinWords()) found.push(`${hash} ${word}`);
          const text = await page.locator('body').innerText();
          for (const jargon of ['集合', '富文本', 'Markdown', 'markdown'])
            if (text.includes(jargon)) found.push(`${hash} 术语：${jargon}`);
        }
        expect(found).toEqual([]);
      }),
    240_000,
  );

  test(
    '新建的空表单不说“已保存”；草稿保存后不叫“已发布”',
    () =>
      despiteReloads(async () => {
        await openAdmin('#/collections/notices/new');
        await page.getByLabel('标题', { exact: true }).waitFor();
        const header = await page.locator('body').innerText();
        expect(header).not.toMatch(/修改已保存|已保存|已发布/);

        await page.goto(
          `${origin}/admin/#/collections/notices/entries/2026-11-27-hongse-jiaoyu-jidi-canguan`,
        );
        await page.getByLabel('标题', { exact: true }).waitFor();
        const file = join(content, 'notices/2026-11-27-hongse-jiaoyu-jidi-canguan.md');
        // A retry after a reload finds the draft already saved.
        if (!readFileSync(file, 'utf8').includes('draft: true')) {
          await page.getByLabel(/草稿/).click();
          await publishEntry(page);
          await expect
            .poll(() => readFileSync(file, 'utf8'), { timeout: 30_000 })
            .toContain('draft: true');
        }
        // The dev server may reload the page when a content file changes: read the toolbar once the
        // entry is shown again.
        await expect
          .poll(
            async () => {
              const text = await page.locator('body').innerText();
              return text.includes('标题') && text.includes('已保存') && !text.includes('已发布');
            },
            { timeout: 30_000 },
          )
          .toBe(true);
        await page.screenshot({ path: join(work, '..', 'cms-draft-saved.png') });
        expect(await page.locator('body').innerText()).not.toContain('已发布');
      }),
    240_000,
  );
});
