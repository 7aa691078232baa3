/**
 * Today's date in China (UTC+8) as YYYY-MM-DD. `override` (SITE_TODAY, read by the entry points)
 * replaces it, so a build can be reproduced as of a given day.
 */
export function today(now: Date = new Date(), override?: string): string {
  if (override && /^\d{4}-\d{2}-\d{2}$/.test(override)) return override;
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
