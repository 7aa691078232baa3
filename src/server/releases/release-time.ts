const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** 2026-11-30T12:35:00Z → 2026年11月30日 20:35 (Beijing time, as the branch reads it). */
export function formatReleaseTime(iso: string): string {
  return chinaTime.format(new Date(iso));
}

/** 12 345 ms → 12.3 秒 */
export function formatBuildTime(ms: number): string {
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} 秒`
    : `${Math.floor(ms / 60_000)} 分 ${Math.round((ms % 60_000) / 1000)} 秒`;
}
