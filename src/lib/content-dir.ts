import { isAbsolute, join, resolve } from 'node:path';

/**
 * The folder editors write: `content/` in the repository, or `override` (SITE_CONTENT_DIR, read by
 * the entry points) when a test or benchmark builds the site from content elsewhere.
 */
export function contentDir(root: string, override?: string): string {
  if (override) return isAbsolute(override) ? override : resolve(root, override);
  return join(root, 'content');
}
