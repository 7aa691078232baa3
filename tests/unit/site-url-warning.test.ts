import { describe, expect, it } from 'vitest';
import { SAMPLE_SITE_URL, siteUrlWarning } from '@/checks/site-address';

describe('siteUrlWarning', () => {
  it('warns while the address is the sample’s, saying where to change it', () => {
    for (const url of [SAMPLE_SITE_URL, `${SAMPLE_SITE_URL}/`, ' https://qiaobei.example.cn '])
      expect(siteUrlWarning(url)).toMatch(/示例网址.*站点设置 → 网站地址/);
  });
  it('warns when the address is not https', () => {
    expect(siteUrlWarning('http://dangzhibu.example.org')).toMatch(/不是以 https:\/\/ 开头/);
    expect(siteUrlWarning('dangzhibu.cn')).toMatch(/不是以 https:\/\/ 开头/);
  });
  it('says nothing for a real https address', () => {
    expect(siteUrlWarning('https://www.qiaobei-shequ.cn')).toBeUndefined();
    expect(siteUrlWarning('https://test.example.cn/dangzhibu/')).toBeUndefined();
  });
});
