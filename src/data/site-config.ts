import config from 'virtual:site-config';
import { loadSearchWords } from '../lib/search/load-search-words.ts';
import { today } from '../lib/today.ts';
import type { WordPair } from '../lib/search/everyday-words.ts';

/** Today in China, or the day the build is made as of (SITE_TODAY, read by astro.config.mjs). */
export function siteToday(): string {
  return today(new Date(), config.today);
}

/** The search word table from the content folder the site is built from. */
export function siteSearchWords(): WordPair[] {
  return loadSearchWords(config.root, config.contentDir);
}
