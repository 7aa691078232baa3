/**
 * Residents' questions, typed or spoken the way they ask them, run in Chromium through the search
 * page at phone size against the built sample site: each must put its page among the first three.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'yaml';
import { describe, expect } from 'vitest';
import { siteTest, type SiteFixtures } from '../support/browser-test';
import { repoRoot } from '../support/run-build';
import { resultsFor, waitForResults } from './search-site';

const PHONE = { width: 360, height: 780 };
const settings = parse(readFileSync(join(repoRoot, 'content/settings/site.yml'), 'utf8')) as {
  reception: string;
  phone: string;
  supervisionPhone: string;
};
const digits = (phone: string) => phone.replace(/\D/g, '');

const card = (id: string) => `/contacts/#${id}`;
const FIRE_CHECK = '/notices/2026-11-16-dongji-xiaofang-jiancha/';
const MEDICAL_INSURANCE = '/notices/2026-11-20-yibao-jiaofei-tongzhi/';
const MID_AUTUMN = '/notices/2026-09-01-zhongqiu-linli-lianhuan/';
const PARTY_REVIEW = '/notices/2026-11-25-dangyuan-minzhu-pingyi/';
const WATER_REPORT = '/reports/2026-06-30-lianxi-qunzhong-baogao/';
const DISTRICT_REPORT = '/reports/2026-08-31-quanqu-lianxi-qunzhong-zongjie/';

/** [the question as a resident asks it, the page that must be among the first three results] */
const WHO_QUESTIONS: [string, string][] = [
  ['低保找谁', card('liu-xiumei')],
  ['申请低保打哪个电话', card('liu-xiumei')],
  ['请问一下低保在哪里办呀', card('liu-xiumei')],
  ['孩子打疫苗问谁', card('zhou-haiyan')],
  ['我想问问打疫苗的事', card('zhou-haiyan')],
  ['退伍军人有什么优待', card('zhao-weidong')],
  ['退伍军人的事找谁', card('zhao-weidong')],
  ['高龄补贴归谁管', card('sun-guifang')],
  ['养老保险谁管', card('sun-guifang')],
  ['找工作找谁', card('sun-guifang')],
  ['看病报销问谁', card('sun-guifang')],
  ['物业不管事找谁', card('sun-guifang')],
  ['交党费找谁', card('wang-zhiqiang')],
  ['入党找谁', card('wang-zhiqiang')],
  ['党组织关系怎么转', card('wang-zhiqiang')],
  ['邻居吵架找谁调解', card('ma-jun')],
  ['租房子登记找谁', card('ma-jun')],
  ['消防隐患找谁', card('ma-jun')],
  ['空巢老人谁来看望', card('guo-xiaolei')],
  ['我家老人一个人住没人管怎么办', card('guo-xiaolei')],
  ['垃圾分类问谁', card('guo-xiaolei')],
  ['举报干部打什么电话', card('zhao-weidong')],
  ['残疾人补助找谁', card('liu-xiumei')],
  ['生病了没钱看病找谁帮忙', card('liu-xiumei')],
  ['家里困难找谁', card('liu-xiumei')],
  ['宣传栏归谁管', card('chen-lijuan')],
  ['想当志愿者找谁报名', card('chen-lijuan')],
  ['上访找谁', card('zhang-jianguo')],
  ['书记的电话是多少', card('zhang-jianguo')],
  ['带孩子托管找谁', card('zhou-haiyan')],
];

const HOW_QUESTIONS: [string, string][] = [
  ['低保怎么申请', '/study/2026-08/'],
  ['低保需要什么条件', '/study/2026-08/'],
  ['煤气安全检查什么时候来', FIRE_CHECK],
  ['冬天烧炉子要注意什么', FIRE_CHECK],
  ['电动车能在楼道充电吗', FIRE_CHECK],
  ['有人上门推销灭火器是真的吗', FIRE_CHECK],
  ['医保怎么交', MEDICAL_INSURANCE],
  ['医保在哪里交钱', MEDICAL_INSURANCE],
  ['医保交到什么时候', MEDICAL_INSURANCE],
  ['能不能帮忙交医保', MEDICAL_INSURANCE],
  ['怎么入党', '/study/2026-07/'],
  ['入党要写什么', '/study/2026-07/'],
  ['中秋节有什么活动', MID_AUTUMN],
  ['中秋晚会在哪里报名', MID_AUTUMN],
  ['电话诈骗怎么防', '/study/2026-10/'],
  ['接到骗子电话怎么办', '/study/2026-10/'],
  ['怎么加入志愿服务队', '/study/2026-10/'],
  ['文明劝导怎么做', '/study/2026-10/'],
  ['监督电话是多少', '/study/2026-09/'],
  ['八项规定是什么', '/study/2026-09/'],
  ['定时接待日是哪天', '/study/2026-06/'],
  ['联系电话卡是什么', '/study/2026-06/'],
  ['加装电梯的事怎么说', '/study/2026-05/'],
  ['老党员行动不便怎么学习', '/study/2026-05/'],
  ['下大雨要注意什么', '/study/2026-08/'],
  ['天太热了要注意什么', '/study/2026-08/'],
  ['党员评议什么时候交总结', PARTY_REVIEW],
  ['社区吃水难的问题解决了吗', WATER_REPORT],
  ['干部走访了多少群众', DISTRICT_REPORT],
  ['贫困大学生有没有补助', DISTRICT_REPORT],
];

const QUESTIONS = [...WHO_QUESTIONS, ...HOW_QUESTIONS];

// A private copy, so a rebuild of the shared one by another test run cannot pull pages away. The
// page has a context of its own, as axe needs.
const test = siteTest({ copy: true, page: { viewport: PHONE } });

/** The result links the search page shows for a question, in order. */
function expectInTopThree(results: string[], query: string, expected: string): void {
  const top = results.slice(0, 3);
  expect(top, `“${query}”的前三条结果：${top.join('，') || '（没有结果）'}`).toContain(expected);
}

describe('residents’ questions on the sample site', () => {
  test('has at least 50 questions, none repeated', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(QUESTIONS.map(([q]) => q)).size).toBe(QUESTIONS.length);
  });

  test.for(HOW_QUESTIONS)(
    '“%s” finds %s in the top three',
    async ([query, expected], { site, page }) => {
      const results = await resultsFor(page, site, query);
      expectInTopThree(results, query, expected);
    },
  );

  // 谁管 / 找谁 / 打哪个电话: the cadre comes first, with the call button.
  test.for(WHO_QUESTIONS)(
    '“%s” finds %s in the top three, a cadre first',
    async ([query, expected], { site, page }) => {
      const results = await resultsFor(page, site, query);
      expectInTopThree(results, query, expected);
      expect(results[0], `“${query}”的第一条结果：${results[0] ?? '（没有结果）'}`).toMatch(
        /^\/contacts\/#/,
      );
      const first = page.locator('.search-result').first();
      expect(await first.locator('a[href^="tel:"]').count()).toBe(1);
    },
  );
});

describe('no dead end', () => {
  test('lists the pages holding some of a question’s words when none holds them all', async ({
    site,
    page,
  }) => {
    const results = await resultsFor(page, site, '邻居吵架找谁调解');
    expect(results.length).toBeGreaterThan(0);
    const status = await page.textContent('#search-status');
    expect(status).toContain('没有同时含有');
    expect(status).not.toContain('没有找到');
    expect(await page.locator('#search-help').isVisible()).toBe(false);
  });

  test('offers the reception, both phones, the contact cards and the nearest word', async ({
    site,
    page,
  }) => {
    expect(await resultsFor(page, site, '孤寡怎么办')).toEqual([]);
    expect(await page.textContent('#search-status')).toContain('没有找到“孤寡怎么办”');
    const help = page.locator('#search-help');
    expect(await help.isVisible()).toBe(true);
    expect(await help.innerText()).toContain(settings.reception);
    for (const phone of [settings.phone, settings.supervisionPhone])
      expect(await help.locator(`a[href="tel:${digits(phone)}"]`).isVisible()).toBe(true);
    expect(await help.getByRole('link', { name: '查看干部联系电话' }).getAttribute('href')).toBe(
      '/contacts/',
    );
    const suggestion = help.locator('#search-suggest');
    expect(await suggestion.innerText()).toContain('您是不是要找');
    await suggestion.getByRole('link', { name: '孤寡老人' }).click();
    await waitForResults(page, '孤寡老人');
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-help').isVisible()).toBe(false);
  });

  test('suggests everyday words that find something when nothing is near', async ({
    site,
    page,
  }) => {
    expect(await resultsFor(page, site, '钢琴怎么弹')).toEqual([]);
    await page.locator('#search-suggest a').first().waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    const words = page.locator('#search-suggest a');
    expect(await page.textContent('#search-suggest')).toContain('也可以试试这些词');
    expect(await words.count()).toBeGreaterThan(0);
    const first = (await words.first().textContent()) ?? '';
    await words.first().click();
    await waitForResults(page, first);
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
  });
});

/** A stand-in for the browser's speech recognition, as the page's script sees it. */
function fakeSpeech(kind: 'hears' | 'unavailable' | 'network' | 'none') {
  return `(() => {
    delete window.SpeechRecognition;
    delete window.webkitSpeechRecognition;
    if (${JSON.stringify(kind)} === 'none') return;
    class FakeRecognition {
      static available = async () => (${JSON.stringify(kind)} === 'unavailable' ? 'unavailable' : 'available');
      start() {
        window.heardLang = this.lang;
        setTimeout(() => {
          if (${JSON.stringify(kind)} === 'network') this.onerror?.({ error: 'network' });
          else this.onresult?.({ results: [[{ transcript: '低保找谁' }]] });
          this.onend?.();
        }, 50);
      }
      abort() {}
    }
    window.webkitSpeechRecognition = FakeRecognition;
  })();`;
}

describe('说话搜索', () => {
  async function openWithSpeech(
    { site, browser }: SiteFixtures,
    kind: Parameters<typeof fakeSpeech>[0],
  ) {
    const context = await browser.newContext({ viewport: PHONE });
    await context.addInitScript(fakeSpeech(kind));
    const voicePage = await context.newPage();
    await voicePage.goto(`${site.url}/search/`);
    await voicePage.waitForSelector('#search-app[data-state="idle"]', { state: 'attached' });
    return { voicePage, button: voicePage.getByRole('button', { name: '说话搜索' }), context };
  }

  test('searches for what the resident says, in Chinese', async ({ site, browser }) => {
    const { voicePage, button, context } = await openWithSpeech({ site, browser }, 'hears');
    await button.waitFor({ state: 'visible' });
    await button.click();
    await waitForResults(voicePage, '低保找谁');
    expect(
      await voicePage.evaluate(() => (window as unknown as { heardLang: string }).heardLang),
    ).toBe('zh-CN');
    expect(await voicePage.locator('#search-input').inputValue()).toBe('低保找谁');
    expect(await voicePage.locator('.search-result__title a').first().getAttribute('href')).toBe(
      card('liu-xiumei'),
    );
    await context.close();
  });

  test('stays hidden where the browser has no Chinese speech recognition', async ({
    site,
    browser,
  }) => {
    for (const kind of ['none', 'unavailable'] as const) {
      const { voicePage, button, context } = await openWithSpeech({ site, browser }, kind);
      await voicePage.waitForSelector('.search-box__voice[data-voice="off"]', {
        state: 'attached',
      });
      expect(await button.isVisible(), kind).toBe(false);
      await context.close();
    }
  });

  test('hides itself and says so when the browser cannot reach its recogniser', async ({
    site,
    browser,
  }) => {
    const { voicePage, button, context } = await openWithSpeech({ site, browser }, 'network');
    await button.click();
    await voicePage.waitForSelector('.search-box__voice[data-voice="off"]', { state: 'attached' });
    expect(await voicePage.locator('.search-box__voice').isVisible()).toBe(false);
    expect(await voicePage.textContent('.search-box__voice-note')).toContain('请直接打字');
    await context.close();
  });
});
