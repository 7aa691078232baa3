import { contentDir } from './content-dir.ts';
import { publicDir } from './public-dir.ts';

/**
 * Where the site's files are and which day it is. The entry points (astro.config.mjs, the CLIs)
 * read the environment once into this and pass it down; library code never reads it.
 */
export interface SiteConfig {
  /** The project folder (src/pages, admin/). */
  root: string;
  /** The folder editors write: `content/`, or SITE_CONTENT_DIR. */
  contentDir: string;
  /** Static files with the media folder: `public/`, or SITE_PUBLIC_DIR. */
  publicDir: string;
  /** SITE_TODAY: build as of this day (YYYY-MM-DD) instead of today in China. */
  today?: string | undefined;
  /** The CMS_* variables that choose the CMS's git host (src/cms/backend.ts); public, like its config. */
  cmsEnv: Record<string, string>;
}

/** The configuration the environment asks for. */
export function siteConfig(
  root: string,
  env: Readonly<Record<string, string | undefined>>,
): SiteConfig {
  return {
    root,
    contentDir: contentDir(root, env.SITE_CONTENT_DIR),
    publicDir: publicDir(root, env.SITE_PUBLIC_DIR),
    ...(env.SITE_TODAY ? { today: env.SITE_TODAY } : {}),
    cmsEnv: Object.fromEntries(
      Object.entries(env).filter(
        (pair): pair is [string, string] => pair[0].startsWith('CMS_') && pair[1] !== undefined,
      ),
    ),
  };
}
