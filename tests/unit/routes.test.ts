import { describe, expect, it } from 'vitest';
import {
  contactCardPath,
  contactCardsPath,
  contactSheetPath,
  contactVcardPath,
  entryPath,
  isEntryPage,
  isReadingPage,
  posterPath,
  reportStatsPath,
  rssPath,
  sectionPath,
  wechatCoverPath,
  wechatPath,
  wechatQrPath,
  yearPath,
} from '@/lib/routes';

describe('routes', () => {
  it('builds section, entry and year addresses', () => {
    expect(sectionPath('notices')).toBe('/notices/');
    expect(sectionPath('accessibility')).toBe('/accessibility/');
    expect(entryPath('study', '2026-03')).toBe('/study/2026-03/');
    expect(yearPath('/reports/', 2025)).toBe('/reports/year/2025/');
    expect(reportStatsPath).toBe('/reports/stats/');
  });

  it('builds the poster and 公众号 addresses of an entry', () => {
    expect(posterPath('/study/2026-03/')).toBe('/study/2026-03/poster/');
    expect(posterPath('/study/2026-03', 'a4')).toBe('/study/2026-03/poster/#a4');
    expect(wechatPath('reports', 'r1')).toBe('/reports/r1/wechat/');
    expect(wechatQrPath('reports', 'r1')).toBe('/reports/r1/wechat/qr.png');
    expect(wechatCoverPath('notices', 'n1')).toBe('/notices/n1/wechat/cover.png');
  });

  it('builds the contacts and feed addresses', () => {
    expect(contactCardPath('wang-fang')).toBe('/contacts/#wang-fang');
    expect(contactVcardPath('wang-fang')).toBe('/contacts/wang-fang.vcf');
    expect(contactSheetPath).toBe('/contacts/sheet/');
    expect(contactCardsPath).toBe('/contacts/cards/');
    expect(rssPath).toBe('/rss.xml');
  });

  it('tells pages for reading from the CMS, print sheets and 公众号 versions', () => {
    for (const page of ['/', '/study/2026-03/', '/contacts/', '/reports/year/2024/'])
      expect(isReadingPage(page), page).toBe(true);
    for (const page of [
      '/admin/',
      '/study/2026-03/poster/',
      '/notices/n1/wechat/',
      '/contacts/cards/',
      '/contacts/sheet/',
    ])
      expect(isReadingPage(page), page).toBe(false);
  });

  it('tells an entry page from list, year and stats pages', () => {
    expect(isEntryPage('/study/2026-03/')).toBe(true);
    expect(isEntryPage('/reports/r1/')).toBe(true);
    for (const page of ['/study/', '/reports/stats/', '/notices/year/2024/', '/contacts/x/'])
      expect(isEntryPage(page), page).toBe(false);
  });
});
