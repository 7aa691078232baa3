import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findPrivacyIssues } from '../../src/lib/privacy/index.ts';
import { repoRoot } from '../support/run-build';

/**
 * The two corpora in tests/fixtures/privacy: ordinary sentences from community reports that must
 * raise nothing (no alarm fatigue), and sentences that must be flagged with a masked rewrite.
 */
const folder = join(repoRoot, 'tests/fixtures/privacy');
const ordinary = readFileSync(join(folder, 'ordinary.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const mustFlag = parse(readFileSync(join(folder, 'must-flag.yml'), 'utf8')) as {
  text: string;
  expect: { kind: string; masked: string }[];
}[];

/** The cadres of the sample site: their names are public. */
const cadres = [
  '张建国',
  '刘秀梅',
  '陈丽娟',
  '王志强',
  '孙桂芳',
  '马俊',
  '郭晓磊',
  '赵卫东',
  '周海燕',
];
const find = (text: string) => findPrivacyIssues(text, { allowedNames: cadres });

describe('ordinary sentences raise nothing', () => {
  it('has at least 30 sentences', () => expect(ordinary.length).toBeGreaterThanOrEqual(30));
  it.each(ordinary)('%s', (sentence) => {
    expect(find(sentence).map((f) => `${f.kind}: ${f.match}`)).toEqual([]);
  });
});

describe('sentences that must be flagged, each with its masked rewrite', () => {
  it('has at least 30 sentences', () => expect(mustFlag.length).toBeGreaterThanOrEqual(30));
  it.each(mustFlag.map((c) => [c.text, c] as const))('%s', (_, { text, expect: wanted }) => {
    const found = find(text);
    const key = (f: { kind: string; masked: string }) => `${f.kind} → ${f.masked}`;
    expect(found.map(key).sort()).toEqual(wanted.map(key).sort());
    for (const f of found) {
      expect(f.message).toContain(f.masked);
      expect(f.message).toContain(f.match);
      expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match);
    }
  });
});
