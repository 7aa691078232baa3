import { describe, expect, it } from 'vitest';
import { urlNameFromTitle } from '../../src/lib/url-name.ts';

describe('urlNameFromTitle', () => {
  it('writes Chinese words in pinyin, one hyphenated part per word', () => {
    expect(urlNameFromTitle('十二月主题党日安排')).toMatch(/^shi-?er-?yue-?zhuti-?dangri-?anpai$/);
    expect(urlNameFromTitle('医保缴费通知')).toMatch(/^yibao-?jiaofei-?tongzhi$/);
  });
  it('keeps letters and digits, drops punctuation', () => {
    expect(urlNameFromTitle('2026年“七一”党课（第3讲）')).toMatch(
      /^2026-nian-qiyi-dangke-di-3-jiang$|^2026/,
    );
    expect(urlNameFromTitle('——')).toBe('');
  });
  it('always matches the 网址名 rule and stays short', () => {
    const name = urlNameFromTitle(
      '关于开展二〇二六年度党员民主评议和组织生活会以及入户走访慰问困难群众工作的通知',
    );
    expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(name.length).toBeLessThanOrEqual(40);
  });
});
