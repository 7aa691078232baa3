import { isAbsolute, join, resolve } from 'node:path';

/**
 * The folder editors write: `content/` in the repository, or `SITE_CONTENT_DIR` when a test or
 * benchmark builds the site from content elsewhere.
 */
export function contentDir(root: string, override = process.env.SITE_CONTENT_DIR): string {
  if (override) return isAbsolute(override) ? override : resolve(root, override);
  return join(root, 'content');
}
