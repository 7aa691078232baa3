import { isAbsolute, join, resolve } from 'node:path';

/**
 * The site's static files (with the media folder): `public/` in the repository, or
 * `SITE_PUBLIC_DIR` when a test builds the site with pictures of its own.
 */
export function publicDir(root: string, override = process.env.SITE_PUBLIC_DIR): string {
  if (override) return isAbsolute(override) ? override : resolve(root, override);
  return join(root, 'public');
}
