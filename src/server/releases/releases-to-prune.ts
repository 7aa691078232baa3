import type { ReleaseRecord } from './types.ts';

/**
 * The successful releases whose folders can go: all but the newest `keep`, and never the one
 * that is live (a rollback may have put an old one back).
 */
export function releasesToPrune(
  releases: readonly ReleaseRecord[],
  keep: number,
  liveId: string | undefined,
): ReleaseRecord[] {
  const kept = releases.filter((release) => release.state === 'succeeded' && !release.removed);
  return kept.slice(0, Math.max(0, kept.length - keep)).filter((release) => release.id !== liveId);
}
