import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUSES } from '@/data/accessibility-clauses';
import { repoRoot } from '../support/run-build';

describe('适老化 self-assessment', () => {
  it('has unique ids and says how each requirement is met', () => {
    expect(new Set(CLAUSES.map((clause) => clause.id)).size).toBe(CLAUSES.length);
    for (const clause of CLAUSES) {
      expect(clause.asks.length, clause.id).toBeGreaterThan(5);
      expect(clause.how.length, clause.id).toBeGreaterThan(5);
      expect(clause.checks.length, `${clause.id} 需要至少一项自动检查`).toBeGreaterThan(0);
    }
  });

  it.each(CLAUSES.flatMap((clause) => clause.checks.map((check) => [clause.id, check] as const)))(
    'names a test that exists: %s',
    (id, check) => {
      const source = readFileSync(join(repoRoot, check.file), 'utf8');
      expect(source, `${id}：${check.file} 里没有测试“${check.name}”`).toMatch(
        new RegExp(
          `\\b(?:it|test)(?:\\.(?:each|for)\\([^)]*\\))?\\(\\s*['"\`]${check.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        ),
      );
    },
  );
});
