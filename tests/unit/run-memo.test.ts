import { describe, expect, it } from 'vitest';
import { RunMemo, startMemoRun } from '@/lib/run-memo';

describe('results remembered between runs', () => {
  it('computes a key once while consecutive runs ask for it, and forgets it after a run that did not', () => {
    const memo = new RunMemo<string>();
    let computed = 0;
    const upper = (text: string) =>
      memo.get(text, () => {
        computed += 1;
        return text.toUpperCase();
      });

    startMemoRun();
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(computed).toBe(2);

    startMemoRun();
    expect(upper('a')).toBe('A');
    expect(computed).toBe(2);
    expect(memo.size).toBe(1);

    // 'b' was not asked for in the last run: it is computed again.
    startMemoRun();
    expect([upper('a'), upper('b')]).toEqual(['A', 'B']);
    expect(computed).toBe(3);
  });

  it('remembers undefined results too', () => {
    const memo = new RunMemo<string | undefined>();
    let computed = 0;
    startMemoRun();
    memo.get('x', () => void (computed += 1));
    memo.get('x', () => void (computed += 1));
    expect(computed).toBe(1);
  });
});
