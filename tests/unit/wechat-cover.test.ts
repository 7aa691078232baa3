import { describe, expect, it } from 'vitest';
import { COVER, coverSvg, textWidthEm, wrapLines } from '@/lib/wechat/cover-svg';

describe('wrapLines', () => {
  it('breaks between CJK characters, not inside Latin words or before closing punctuation', () => {
    expect(textWidthEm('第6期 ab')).toBeCloseTo(2 + 0.55 * 4);
    expect(wrapLines('关于缴纳2027年度城乡居民医疗保险费的通知', 8, 3)).toEqual({
      lines: ['关于缴纳2027年', '度城乡居民医疗保', '险费的通知'],
      fits: true,
    });
    // 。 would start the second line: it hangs at the end of the first instead.
    expect(wrapLines('一二三四。五六', 4, 2).lines).toEqual(['一二三四。', '五六']);
  });

  it('ends the last allowed line with an ellipsis when the title is too long', () => {
    const { lines, fits } = wrapLines('一二三四五六七八九十甲乙丙丁', 4, 2);
    expect(fits).toBe(false);
    expect(lines).toEqual(['一二三四', '五六七…']);
  });
});

describe('coverSvg', () => {
  it('is 900×383 with the title, label and branch escaped', () => {
    const svg = coverSvg({
      title: '“两委”<换届>&选举',
      label: '通知公告',
      branch: '桥北社区党支部',
    });
    expect(svg).toContain(`width="${COVER.width}" height="${COVER.height}"`);
    expect(svg).toContain('“两委”&lt;换届&gt;&amp;选举');
    expect(svg).toContain('>通知公告</text>');
    expect(svg).toContain('>桥北社区党支部</text>');
  });

  it('shrinks a long title rather than cutting it', () => {
    const short = coverSvg({ title: '冬季消防检查', label: '', branch: '' });
    const long = coverSvg({
      title: '全区干部直接联系群众工作情况报告暨下半年工作安排和学习型党组织建设情况',
      label: '',
      branch: '',
    });
    expect(short).toContain('font-size="60"');
    expect(long).not.toContain('font-size="60" font-weight');
    expect(long).not.toContain('…');
  });
});

describe('coverSvg line balance', () => {
  it('splits a two-line title evenly', () => {
    const svg = coverSvg({ title: '全区干部直接联系群众工作情况报告', label: '', branch: '' });
    const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(lines).toEqual(['全区干部直接联系', '群众工作情况报告']);
  });
});
