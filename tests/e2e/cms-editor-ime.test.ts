import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { describe, expect } from 'vitest';
import { cmsTest } from '../support/browser-test';
import { openAdmin, type CmsDevServer } from '../support/cms-dev-server';
import {
  MIDDLE_ENTRY,
  PATTERNS,
  REPLACE_ENTRY,
  runPattern,
  type Pattern,
} from '../support/ime-patterns';

/**
 * Chinese input in the body editor, the way a secretary types with a Pinyin IME: compositions
 * committed character by character (and word by word) into a new entry, into the middle of an
 * existing one, and over a select-all; on a desktop and on a 390×844 touch phone. Each run
 * publishes and compares the saved file. `npm run ime-stress` repeats every pattern 50 times.
 */

const test = cmsTest({ port: 4405 });
// Bound from the fixtures once per file for the helpers below.
let server: CmsDevServer;
let browser: Browser;
const originals = new Map<string, string>();

const devices: { name: string; touch: boolean; options: Parameters<Browser['newContext']>[0] }[] = [
  { name: '电脑', touch: false, options: { viewport: { width: 1280, height: 900 } } },
  {
    name: '手机 390×844',
    touch: true,
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
];

test.beforeAll(({ cms, browser: opened }) => {
  server = cms;
  browser = opened;
  for (const entry of [MIDDLE_ENTRY, REPLACE_ENTRY]) {
    originals.set(entry, readFileSync(join(server.content, entry), 'utf8'));
  }
});

let month = 0;

async function run(device: (typeof devices)[number], pattern: Pattern) {
  // Each run starts from the sample entry as it is in the repository.
  for (const [entry, text] of originals) writeFileSync(join(server.content, entry), text);
  month++;
  const context: BrowserContext = await browser.newContext({ ...device.options, locale: 'zh-CN' });
  try {
    const page = await openAdmin(context, server.origin);
    return await runPattern(page, pattern, {
      origin: server.origin,
      touch: device.touch,
      save: {
        content: server.content,
        month: `2030-${String(month).padStart(2, '0')}`,
        issue: 100 + month,
      },
    });
  } finally {
    await context.close();
  }
}

for (const device of devices) {
  describe(`正文的拼音输入（${device.name}）`, () => {
    test.each(PATTERNS)(
      '$name：编辑器里和保存的文件里文字都一字不差',
      async (pattern) => {
        const result = await run(device, pattern);
        expect(result.problem).toBe('');
        expect(result.ok).toBe(true);
      },
      180_000,
    );
  });
}
