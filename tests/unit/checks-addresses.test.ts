import { describe, expect, it } from 'vitest';
import { bodyReferences, decodeEntities } from '@/checks/body-references';
import { resolveAddress } from '@/checks/site-address';
import { matchRoute } from '@/checks/site-routes';
import { yamlMessage } from '@/checks/yaml-messages';

describe('resolveAddress', () => {
  const page = '/study/2026-05/';
  it.each([
    ['/notices/', { kind: 'local', path: '/notices/', hash: '' }],
    ['../2026-04/', { kind: 'local', path: '/study/2026-04/', hash: '' }],
    ['/contacts/#zhang', { kind: 'local', path: '/contacts/', hash: 'zhang' }],
    ['/uploads/%E7%85%A7%E7%89%87.jpg', { kind: 'local', path: '/uploads/照片.jpg', hash: '' }],
    ['https://qiaobei.example.cn/reports/a/', { kind: 'local', path: '/reports/a/', hash: '' }],
    ['https://www.gov.cn/', { kind: 'external', url: 'https://www.gov.cn/' }],
    ['javascript:alert(1)', { kind: 'script' }],
    [' JaVa\tScRiPt:alert(1)', { kind: 'script' }],
    ['data:image/png;base64,AAAA', { kind: 'data' }],
    ['tel:13900000001', { kind: 'other' }],
    ['mailto:a@b.cn', { kind: 'other' }],
  ])('%s', (url, expected) => {
    expect(resolveAddress(url, page, 'https://qiaobei.example.cn')).toEqual(expected);
  });
});

describe('matchRoute', () => {
  it('matches static, [id] and [id].vcf routes, and nothing else', () => {
    expect(matchRoute({ segments: [] }, '/')).toEqual({});
    expect(matchRoute({ segments: ['study'] }, '/study')).toEqual({});
    expect(matchRoute({ segments: ['study', '[id]'] }, '/study/2026-05/index.html')).toEqual({
      id: '2026-05',
    });
    expect(matchRoute({ segments: ['contacts', '[id].vcf'] }, '/contacts/zhang.vcf')).toEqual({
      id: 'zhang',
    });
    expect(matchRoute({ segments: ['study', '[id]'] }, '/study/a/b/')).toBeUndefined();
    expect(matchRoute({ segments: ['rss.xml'] }, '/rss.xml')).toEqual({});
  });
});

describe('bodyReferences', () => {
  it('finds Markdown, reference and HTML addresses with their lines, not those in code', () => {
    const body = [
      '![图](/uploads/a.jpg) [链](/notices/)',
      '[ref]: /study/2026-05/',
      '<img alt="b" src="/uploads/b.png"> <a href=\'/reports/\'>报告</a>',
      '`[不算](/x/)`',
      '```',
      '![不算](/y.png)',
      '```',
    ].join('\n');
    expect(bodyReferences(body, 10)).toEqual([
      { kind: 'image', url: '/uploads/a.jpg', line: 10 },
      { kind: 'link', url: '/notices/', line: 10 },
      { kind: 'link', url: '/study/2026-05/', line: 11 },
      { kind: 'image', url: '/uploads/b.png', line: 12 },
      { kind: 'link', url: '/reports/', line: 12 },
    ]);
  });

  it('decodes HTML entities as a browser does', () => {
    expect(decodeEntities('&#106;ava&#x73;cript&colon;x&amp;y')).toBe('javascript:x&y');
  });
});

describe('yamlMessage', () => {
  const error = (code: string) => ({ code, message: 'x' }) as Parameters<typeof yamlMessage>[0];
  it('says what to fix in Chinese', () => {
    expect(yamlMessage(error('DUPLICATE_KEY'))).toBe(
      'YAML 格式错误：同一个字段写了两次：请删除重复的一行',
    );
    expect(yamlMessage(error('MULTILINE_IMPLICIT_KEY'), 'title:标题')).toMatch(/冒号后缺少空格/);
    expect(yamlMessage(error('MULTILINE_IMPLICIT_KEY'), 'title：标题')).toMatch(/中文冒号/);
    expect(yamlMessage(error('MULTILINE_IMPLICIT_KEY'), 'siteUrl: https://a.cn')).not.toMatch(
      /缺少空格/,
    );
    expect(yamlMessage({ code: 'IMPOSSIBLE', message: 'Odd thing\nmore' })).toBe(
      'YAML 格式错误：Odd thing。常见原因：冒号后缺少空格、引号不成对、缩进不一致',
    );
  });
});
