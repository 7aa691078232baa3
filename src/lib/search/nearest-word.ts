import type { WordPair } from './everyday-words.ts';

/** Share of characters two words have in common (Dice coefficient over their characters). */
export function likeness(a: string, b: string): number {
  const left = [...new Set(a)];
  const right = new Set(b);
  if (left.length === 0 || right.size === 0) return 0;
  const shared = left.filter((char) => right.has(char)).length;
  return (2 * shared) / (left.length + right.size);
}

/**
 * The words the table knows (everyday and site words) closest to what the resident typed, best
 * first: a mistyped or misheard 煤汽 or 低宝 still shares characters with 煤气 or 低保.
 */
export function nearestWords(text: string, table: readonly WordPair[], limit = 3): string[] {
  const scored = new Map<string, number>();
  for (const word of table.flatMap((row) => [row.everyday, ...row.site])) {
    const score = likeness(text, word);
    if (score > 0 && word !== text) scored.set(word, score);
  }
  return [...scored]
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
    .slice(0, limit)
    .map(([word]) => word);
}
