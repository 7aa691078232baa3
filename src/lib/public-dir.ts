import { isAbsolute, join, resolve } from 'node:path';

/**
 * The site's static files (with the media folder): `public/` in the repository, or `override`
 * (SITE_PUBLIC_DIR, read by the entry points) when a test builds the site with pictures of its own.
 */
export function publicDir(root: string, override?: string): string {
  if (override) return isAbsolute(override) ? override : resolve(root, override);
  return join(root, 'public');
}
