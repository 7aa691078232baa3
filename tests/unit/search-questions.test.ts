import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '@/checks/run-checks';
import { compactTable, expandTable, findEverydayWords } from '@/lib/search/everyday-words';
import { loadSearchWords } from '@/lib/search/load-search-words';
import { likeness, nearestWords } from '@/lib/search/nearest-word';
import { intlSegment, planQuery, type Segment } from '@/lib/search/query-plan';
import {
  FILLER_CHARACTERS,
  QUESTION_PHRASES,
  WHO_PHRASES,
  isFillerWord,
  normaliseQuery,
  stripQuestionWords,
} from '@/lib/search/question-words';
import { rankMatches } from '@/lib/search/rank-matches';
import { searchWordsSchema } from '@/schemas/search-words';
import { repoRoot } from '../support/run-build';

/** A segmenter that knows only these words and cuts everything else into characters, as ICU does. */
function dictionary(...words: string[]): Segment {
  const known = [...words].sort((a, b) => b.length - a.length);
  return (text) => {
    const out: string[] = [];
    for (let i = 0; i < text.length;) {
      if (text[i] === ' ') {
        i += 1;
        continue;
      }
      const word = known.find((w) => text.startsWith(w, i)) ?? text.charAt(i);
      out.push(word);
      i += word.length;
    }
    return out;
  };
}

const TABLE = [
  { everyday: '煤气', site: ['燃气'] },
  { everyday: '打疫苗', site: ['疫苗接种'] },
  { everyday: '看病', site: ['医疗'] },
  { everyday: '看病报销', site: ['医保', '医疗保险'] },
  { everyday: '补贴', site: ['津贴', '救助'] },
];

describe('question words', () => {
  it('keeps one list per kind, without repeats', () => {
    for (const list of [WHO_PHRASES, QUESTION_PHRASES, FILLER_CHARACTERS])
      expect(new Set(list).size).toBe(list.length);
    for (const char of FILLER_CHARACTERS) expect([...char]).toHaveLength(1);
  });

  it('drops how a question is asked and keeps what it is about', () => {
    expect(stripQuestionWords('低保怎么申请').text).toBe('低保 申请');
    expect(stripQuestionWords('请问一下，医保在哪里交？').text).toBe('医保 交');
    expect(stripQuestionWords('煤气安全检查什么时候来').text).toBe('煤气安全检查 来');
    expect(stripQuestionWords('我想问问打疫苗的事').text).toBe('打疫苗');
    expect(stripQuestionWords('低保').removed).toEqual([]);
  });

  it('knows when a question asks who to call', () => {
    for (const q of ['低保找谁', '孩子打疫苗问谁', '高龄津贴归谁管', '申请低保打哪个电话'])
      expect(stripQuestionWords(q).asksWho, q).toBe(true);
    for (const q of ['低保怎么申请', '低保', '联系电话'])
      expect(stripQuestionWords(q).asksWho, q).toBe(false);
    expect(stripQuestionWords('申请低保打哪个电话').text).toBe('申请低保');
  });

  it('treats full-width characters and punctuation like the plain ones', () => {
    expect(normaliseQuery('  Ｗｉｆｉ？　９６１１０！ ')).toBe('wifi 96110');
    expect(isFillerWord('吗')).toBe(true);
    expect(isFillerWord('低保')).toBe(false);
  });
});

describe('everyday words', () => {
  it('finds the longest everyday word first and pairs it with the site’s words', () => {
    const { matches, rest } = findEverydayWords('看病报销 煤气', TABLE);
    expect(matches).toEqual([
      { everyday: '看病报销', words: ['看病报销', '医保', '医疗保险'] },
      { everyday: '煤气', words: ['煤气', '燃气'] },
    ]);
    expect(rest).toBe('');
  });

  it('travels to the page as compact rows and reads back only well-formed ones', () => {
    const rows = compactTable(TABLE);
    expect(rows[0]).toEqual(['煤气', '燃气']);
    expect(expandTable(JSON.parse(JSON.stringify(rows)))).toEqual(TABLE);
    expect(expandTable([['只有一个词'], 'x', [1, 2], null, ['煤气', '燃气']])).toEqual([
      { everyday: '煤气', site: ['燃气'] },
    ]);
    expect(expandTable('not a table')).toEqual([]);
  });
});

describe('planQuery', () => {
  const segment = dictionary('安全', '检查', '申请', '孩子', '军人', '优待', '退伍');

  it('leaves a keyword query as it is', () => {
    const plan = planQuery('低保', TABLE, segment);
    expect(plan).toMatchObject({ isQuestion: false, asksWho: false, usesTable: false });
    expect(plan.concepts).toEqual([{ label: '低保', words: ['低保'] }]);
  });

  it('joins characters the segmenter cut apart back into a word', () => {
    expect(planQuery('低保怎么申请', TABLE, segment).concepts.map((c) => c.label)).toEqual([
      '低保',
      '申请',
    ]);
  });

  it('turns a question into its meaningful words, with the site’s words for everyday ones', () => {
    const plan = planQuery('煤气安全检查什么时候来', TABLE, segment);
    expect(plan.isQuestion).toBe(true);
    expect(plan.usesTable).toBe(true);
    expect(plan.concepts).toEqual([
      { label: '煤气', words: ['煤气', '燃气'] },
      { label: '安全', words: ['安全'] },
      { label: '检查', words: ['检查'] },
    ]);
  });

  it('marks who-questions and drops lone characters when longer words remain', () => {
    const plan = planQuery('孩子打疫苗问谁', TABLE, segment);
    expect(plan.asksWho).toBe(true);
    expect(plan.concepts.map((c) => c.label)).toEqual(['孩子', '打疫苗']);
    expect(planQuery('医保怎么交', TABLE, segment).concepts.map((c) => c.label)).toEqual(['医保']);
  });

  it('keeps a lone character when it is all there is, and nothing for a bare question', () => {
    expect(planQuery('党', TABLE, segment).concepts.map((c) => c.label)).toEqual(['党']);
    expect(planQuery('怎么办？', TABLE, segment).concepts).toEqual([]);
  });

  it('works with the runtime’s Intl.Segmenter', () => {
    const plan = planQuery('退伍军人有什么优待', TABLE, intlSegment());
    const words = plan.concepts.flatMap((c) => c.words).join('');
    for (const part of ['退伍', '军人', '优待']) expect(words).toContain(part);
  });
});

describe('rankMatches', () => {
  it('ranks pages by how many concepts they hold, then by score', () => {
    const ranked = rankMatches([
      [
        { id: 'a', score: 9 },
        { id: 'b', score: 1 },
      ],
      [
        { id: 'b', score: 1 },
        { id: 'c', score: 5 },
      ],
    ]);
    expect(ranked.map((m) => [m.id, m.matched])).toEqual([
      ['b', 2],
      ['a', 1],
      ['c', 1],
    ]);
  });

  it('counts a concept once even when several of its words match', () => {
    const [match] = rankMatches([
      [
        { id: 'a', score: 2 },
        { id: 'a', score: 3 },
      ],
    ]);
    expect(match).toMatchObject({ id: 'a', matched: 1, score: 3 });
  });

  it('puts cadres first for a who-question, and follows a chosen date order', () => {
    const hits = [
      [
        { id: 'article', score: 9 },
        { id: 'cadre', score: 1 },
      ],
      [{ id: 'article', score: 9 }],
    ];
    const contacts = new Set(['cadre']);
    expect(rankMatches(hits, { contacts }).map((m) => m.id)).toEqual(['article', 'cadre']);
    expect(rankMatches(hits, { contacts, contactsFirst: true }).map((m) => m.id)).toEqual([
      'cadre',
      'article',
    ]);
    const order = new Map([
      ['x', 1],
      ['y', 0],
    ]);
    const same = [
      [
        { id: 'x', score: 9 },
        { id: 'y', score: 1 },
      ],
    ];
    expect(rankMatches(same, { order }).map((m) => m.id)).toEqual(['y', 'x']);
  });
});

describe('nearestWords', () => {
  it('suggests the table’s words sharing most characters with what was typed', () => {
    expect(likeness('煤汽', '煤气')).toBe(0.5);
    expect(nearestWords('煤汽', TABLE)[0]).toBe('煤气');
    expect(nearestWords('打预苗', TABLE)[0]).toBe('打疫苗');
    expect(nearestWords('钢琴', TABLE)).toEqual([]);
  });
});

describe('the search word table in content/', () => {
  const table = loadSearchWords(repoRoot);

  it('holds at least 60 pairs of everyday and site words, each everyday word once', () => {
    expect(table.length).toBeGreaterThanOrEqual(60);
    const everyday = table.map((row) => row.everyday);
    expect(new Set(everyday).size).toBe(everyday.length);
    for (const row of table)
      expect(
        row.site.some((word) => word !== row.everyday),
        row.everyday,
      ).toBe(true);
  });

  it('names the pairs the issue asks for', () => {
    const lookup = new Map(table.map((row) => [row.everyday, row.site]));
    expect(lookup.get('空巢老人')).toContain('独居老人');
    expect(lookup.get('煤气')).toContain('燃气');
    expect(lookup.get('补贴')).toContain('津贴');
    expect(lookup.get('退伍')).toContain('退役');
    expect(lookup.get('租房')).toContain('出租房屋');
    expect(lookup.get('找工作')).toContain('就业');
    expect(lookup.get('电话诈骗')).toEqual(expect.arrayContaining(['电信诈骗', '反诈']));
    expect(lookup.get('看病报销')).toEqual(expect.arrayContaining(['医保', '医疗保险']));
    expect(lookup.get('打疫苗')).toContain('疫苗接种');
  });
});

describe('search word table schema and checks', () => {
  const work = mkdtempSync(join(tmpdir(), 'search-words-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const site = parse(
    'name: 支部\nparentOrg: 党工委\naddress: 某路1号\nphone: "0310-1234567"\nsupervisionPhone: "0310-7654321"\nreception: 每周三\nintro: 简介\nsiteUrl: https://example.cn\n',
  ) as Record<string, unknown>;

  function checkTable(yaml: string) {
    const root = mkdtempSync(join(work, 'site-'));
    mkdirSync(join(root, 'content/settings'), { recursive: true });
    mkdirSync(join(root, 'public'), { recursive: true });
    writeFileSync(
      join(root, 'content/settings/site.yml'),
      Object.entries(site)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join('\n'),
    );
    if (yaml) writeFileSync(join(root, 'content/settings/search-words.yml'), yaml);
    return runChecks(root, '2026-11-30', { publicDir: join(root, 'public') }).problems.filter((p) =>
      p.file.endsWith('search-words.yml'),
    );
  }

  it('accepts a good table, and a site without one', () => {
    expect(checkTable('words:\n  - { everyday: 煤气, site: [燃气] }\n')).toEqual([]);
    expect(checkTable('')).toEqual([]);
  });

  it('names the file, the row and the field of an empty word or a word with punctuation', () => {
    const [empty] = checkTable(
      'words:\n  - { everyday: 煤气, site: [燃气] }\n  - { everyday: "", site: [燃气] }\n',
    );
    expect(empty).toMatchObject({
      file: 'content/settings/search-words.yml',
      line: 3,
      field: '词表 · 第 2 项 · 居民说法（words[1].everyday）',
      severity: 'error',
    });
    expect(empty?.message).toContain('“居民说法”不能为空');
    const [comma] = checkTable('words:\n  - { everyday: 煤气, site: ["燃气，天然气"] }\n');
    expect(comma?.message).toContain('只写一个词');
    const [none] = checkTable('words:\n  - { everyday: 煤气, site: [] }\n');
    expect(none?.message).toContain('至少写一个词');
  });

  it('refuses an everyday word written twice, naming both rows', () => {
    const problems = checkTable(
      'words:\n  - { everyday: 煤气, site: [燃气] }\n  - { everyday: 补贴, site: [津贴] }\n  - { everyday: 煤气, site: [天然气] }\n',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, severity: 'error' });
    expect(problems[0]?.message).toContain('“煤气”写了两次（第 1 项和第 3 项）');
  });

  it('warns about a row that only repeats itself', () => {
    const [problem] = checkTable('words:\n  - { everyday: 燃气, site: [燃气] }\n');
    expect(problem).toMatchObject({ severity: 'warning' });
    expect(problem?.message).toContain('不起作用');
  });

  it('is the schema the CMS form is generated from', () => {
    expect(
      searchWordsSchema.safeParse({ words: [{ everyday: '煤气', site: ['燃气'] }] }).success,
    ).toBe(true);
    expect(
      searchWordsSchema.safeParse({ words: [{ everyday: '煤 气', site: ['燃气'] }] }).success,
    ).toBe(false);
  });
});
