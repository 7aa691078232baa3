import { describe, expect, it } from 'vitest';
import { dateSortKeys, searchPageTags } from '@/lib/search-attributes';
import { contactSearchRecord, markdownToText } from '@/lib/search-contact-record';
import { excerptParts } from '@/lib/search-excerpt';
import { pagefindOptions, readSearchState, searchQueryString } from '@/lib/search-url';

describe('searchPageTags', () => {
  it('gives one Pagefind attribute per fact, since Pagefind reads one key per attribute', () => {
    expect(searchPageTags({ section: '学习园地', date: '2026-07-01', issue: '第3期' })).toEqual([
      { 'data-pagefind-meta': 'section:学习园地' },
      { 'data-pagefind-meta': 'date:2026-07-01' },
      { 'data-pagefind-meta': 'issue:第3期' },
      { 'data-pagefind-filter': 'section:学习园地' },
      { 'data-pagefind-filter': 'year:2026' },
      { 'data-pagefind-sort': 'newest:2026-07-01' },
      { 'data-pagefind-sort': 'oldest:2026-07-01' },
    ]);
  });
  it('leaves out a missing 期号', () => {
    const tags = searchPageTags({ section: '通知公告', date: '2025-12-31' });
    expect(tags.some((tag) => tag['data-pagefind-meta']?.startsWith('issue'))).toBe(false);
    expect(tags).toContainEqual({ 'data-pagefind-filter': 'year:2025' });
  });
});

describe('dateSortKeys', () => {
  it('puts undated records after every dated one in both orders', () => {
    const undated = dateSortKeys(undefined);
    expect(undated.newest < '2000-01-01').toBe(true);
    expect(undated.oldest > '2999-12-31').toBe(true);
  });
});

describe('contactSearchRecord', () => {
  const contact = {
    name: '刘秀梅',
    role: '党支部副书记',
    duties: '负责低保、临时救助。',
    phone: '13903101002',
    area: '1—6 号楼',
  };
  it('makes one record per cadre that links to their card and holds what residents search by', () => {
    const record = contactSearchRecord('liu-xiumei', contact, '申请**低保**请带上[户口簿](/x/)。');
    expect(record.url).toBe('/contacts/#liu-xiumei');
    expect(record.language).toBe('zh-cn');
    for (const text of ['刘秀梅', '党支部副书记', '低保', '1—6 号楼', '139 0310 1002', '户口簿'])
      expect(record.content).toContain(text);
    expect(record.content).not.toContain('**');
    expect(record.content).not.toContain('/x/');
    expect(record.meta).toMatchObject({ title: '刘秀梅（党支部副书记）', section: '联系卡' });
    expect(record.filters).toEqual({ section: ['联系卡'] });
    expect(record.sort).toEqual(dateSortKeys(undefined));
  });
  it('leaves out fields the card does not have', () => {
    const record = contactSearchRecord('a', { ...contact, area: undefined });
    expect(record.content).not.toContain('联系片区');
  });
});

describe('markdownToText', () => {
  it('keeps the words and drops the markup', () => {
    expect(markdownToText('## 标题\n\n- 第一条 <b>加粗</b>\n> 引用 `代码`')).toBe(
      '标题 第一条 加粗 引用 代码',
    );
  });
});

describe('excerptParts', () => {
  it('splits Pagefind’s excerpt into plain and highlighted runs', () => {
    expect(excerptParts('负责<mark>低保</mark>、救助')).toEqual([
      { text: '负责', mark: false },
      { text: '低保', mark: true },
      { text: '、救助', mark: false },
    ]);
  });
  it('decodes entities and never passes markup through', () => {
    expect(
      excerptParts('a &lt;script&gt; &amp; <img src=x onerror=alert(1)>b<mark>c</mark>'),
    ).toEqual([
      { text: 'a <script> & b', mark: false },
      { text: 'c', mark: true },
    ]);
  });
});

describe('search state in the address', () => {
  it('reads and writes the query, 栏目, 年份 and sort', () => {
    const state = readSearchState(
      new URLSearchParams('q=%20低保%20&section=联系卡&section=学习园地&year=2026&sort=newest'),
    );
    expect(state).toEqual({
      q: '低保',
      sections: ['联系卡', '学习园地'],
      year: '2026',
      sort: 'newest',
    });
    expect(decodeURIComponent(searchQueryString(state))).toBe(
      '?q=低保&section=联系卡&section=学习园地&year=2026&sort=newest',
    );
  });
  it('keeps a plain search short and ignores malformed values', () => {
    const state = readSearchState(new URLSearchParams('q=电话&year=twenty&sort=random'));
    expect(state).toEqual({ q: '电话', sections: [], year: '', sort: 'relevance' });
    expect(decodeURIComponent(searchQueryString(state))).toBe('?q=电话');
    expect(searchQueryString(readSearchState(new URLSearchParams('')))).toBe('');
  });
  it('turns the state into Pagefind filters and sort', () => {
    expect(pagefindOptions(readSearchState(new URLSearchParams('q=a')))).toEqual({ filters: {} });
    expect(
      pagefindOptions(
        readSearchState(new URLSearchParams('q=a&section=通知公告&year=2026&sort=oldest')),
      ),
    ).toEqual({
      filters: { section: { any: ['通知公告'] }, year: '2026' },
      sort: { oldest: 'asc' },
    });
  });
});
