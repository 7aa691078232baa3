import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject } from 'vitest';
import { siteTest } from '../support/browser-test';

const siteDir = inject('siteDir');
// A private copy: other test files rebuild the shared sample site while this one runs.
const test = siteTest({ copy: { without: 'admin' } });
const studyIssue = `/study/${
  readdirSync(join(siteDir, 'study'))
    .filter((name) => !name.endsWith('.html'))
    .sort()[0]
}/`;

let context: BrowserContext;
let page: Page;

test.beforeEach(async ({ browser }) => {
  context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

const bodyFontSize = () =>
  page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
const pressed = (name: string) =>
  page.getByRole('button', { name, exact: false }).first().getAttribute('aria-pressed');

describe('字号与高对比度', () => {
  test('changes the text size and remembers it across a reload and other pages', async ({
    site,
  }) => {
    await page.goto(site.url + '/');
    expect(await bodyFontSize()).toBe(18);
    expect(await pressed('标准')).toBe('true');

    await page.getByRole('group', { name: '字号' }).getByRole('button', { name: '特大' }).click();
    expect(await bodyFontSize()).toBe(24);
    expect(await pressed('特大')).toBe('true');
    expect(await pressed('标准')).toBe('false');

    await page.reload();
    expect(await bodyFontSize()).toBe(24);
    expect(await pressed('特大')).toBe('true');

    await page.goto(site.url + studyIssue);
    expect(await bodyFontSize()).toBe(24);

    await page
      .getByRole('group', { name: '字号' })
      .getByRole('button', { name: '大', exact: true })
      .click();
    expect(await bodyFontSize()).toBe(22);
    await page.getByRole('group', { name: '字号' }).getByRole('button', { name: '标准' }).click();
    await page.reload();
    expect(await bodyFontSize()).toBe(18);
  });

  test('switches high contrast on and off, and remembers it', async ({ site }) => {
    await page.goto(site.url + '/contacts/');
    const colours = () =>
      page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
      }));
    expect((await colours()).background).not.toBe('rgb(0, 0, 0)');

    await page.getByRole('button', { name: '高对比度' }).click();
    expect(await colours()).toEqual({ background: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)' });
    expect(await pressed('高对比度')).toBe('true');

    await page.reload();
    expect(await colours()).toEqual({ background: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)' });
    expect(await pressed('高对比度')).toBe('true');

    await page.getByRole('button', { name: '高对比度' }).click();
    await page.reload();
    expect((await colours()).background).not.toBe('rgb(0, 0, 0)');
  });

  test('applies the stored choice before the first paint, without a flash', async ({ site }) => {
    await context.addInitScript(() => {
      localStorage.setItem('reading-aids:text-size', 'large');
      localStorage.setItem('reading-aids:contrast', 'high');
      // The first animation frame comes before the first paint.
      requestAnimationFrame(() => {
        const root = document.documentElement;
        (window as unknown as { firstFrame: unknown }).firstFrame = {
          size: root.getAttribute('data-text-size'),
          contrast: root.getAttribute('data-contrast'),
          fontSize: getComputedStyle(root).fontSize,
        };
      });
    });
    await page.goto(site.url + studyIssue);
    await page.waitForFunction(() => 'firstFrame' in window);
    expect(
      await page.evaluate(() => (window as unknown as { firstFrame: unknown }).firstFrame),
    ).toEqual({
      size: 'large',
      contrast: 'high',
      fontSize: '22px',
    });
  });

  test('works from the keyboard alone', async ({ site }) => {
    await page.goto(site.url + '/');
    await page.getByRole('button', { name: '大', exact: true }).focus();
    await page.keyboard.press('Enter');
    expect(await bodyFontSize()).toBe(22);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await pressed('高对比度')).toBe('true');
  });

  test('hides the controls where scripts do not run, so no button does nothing', async ({
    site,
    browser,
  }) => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(site.url + '/');
    expect(await plain.getByRole('button', { name: '高对比度' }).isVisible()).toBe(false);
    expect(await plain.locator('main').isVisible()).toBe(true);
    await noScript.close();
  });
});

/**
 * A stand-in for the browser's speech engine that records what it is asked to do. It runs inside
 * the page (Playwright sends its source), so it uses nothing from this file.
 */
function fakeSpeech(voices: { lang: string; name: string }[]) {
  {
    const calls: string[] = [];
    const spoken: string[] = [];
    class Utterance {
      text: string;
      lang = '';
      voice: unknown = null;
      rate = 1;
      onend: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const synth = {
      speaking: false,
      getVoices: () => voices,
      speak(utterance: Utterance) {
        calls.push('speak');
        spoken.push(utterance.text);
        // The first sentence stays "in progress" so pause and stop can be tried.
        if (spoken.length > 1) setTimeout(() => utterance.onend?.(), 0);
      },
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      cancel: () => calls.push('cancel'),
      addEventListener() {},
      onvoiceschanged: null,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: Utterance,
      configurable: true,
    });
    (window as unknown as { speech: unknown }).speech = { calls, spoken };
  }
}

describe('朗读', () => {
  test('reads the article in Chinese, with pause, resume and stop', async ({ site }) => {
    await context.addInitScript(fakeSpeech, [{ lang: 'zh-CN', name: '普通话' }]);
    await page.goto(site.url + studyIssue);
    const title = (await page.locator('h1').textContent())!.trim();
    const start = page.getByRole('button', { name: '朗读全文' });
    await expect.poll(() => start.isVisible()).toBe(true);

    await start.click();
    const speech = () =>
      page.evaluate(
        () => (window as unknown as { speech: { calls: string[]; spoken: string[] } }).speech,
      );
    const { spoken } = await speech();
    expect(spoken[0]).toContain(title);
    expect(spoken.join('')).not.toContain('朗读全文');
    expect(spoken.every((text) => text.length <= 200)).toBe(true);

    const pause = page.getByRole('button', { name: '暂停' });
    expect(await start.isVisible()).toBe(false);
    await pause.click();
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByRole('button', { name: '停止' }).click();
    expect((await speech()).calls).toEqual(['cancel', 'speak', 'pause', 'resume', 'cancel']);
    expect(await start.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toContain(
      '朗读全文',
    );
  });

  test('stays hidden where the browser has no Chinese voice', async ({ site }) => {
    await context.addInitScript(fakeSpeech, [{ lang: 'en-US', name: 'English' }]);
    await page.goto(site.url + studyIssue);
    await page.waitForLoadState('load');
    expect(await page.getByRole('button', { name: '朗读全文' }).isVisible()).toBe(false);
  });
});
