import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';

export const SECTIONS = ['study', 'reports', 'notices'] as const;

export interface BuiltArticle {
  section: (typeof SECTIONS)[number];
  id: string;
  /** /study/2026-10/ */
  page: string;
  /** /study/2026-10/wechat/ */
  wechat: string;
}

/** Every article page in a built site: a folder under a section with an index.html. */
export function builtArticles(siteDir: string): BuiltArticle[] {
  return SECTIONS.flatMap((section) =>
    readdirSync(join(siteDir, section), { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() &&
          /^\d{4}-/.test(entry.name) &&
          existsSync(join(siteDir, section, entry.name, 'index.html')),
      )
      .map((entry) => ({
        section,
        id: entry.name,
        page: `/${section}/${entry.name}/`,
        wechat: `/${section}/${entry.name}/wechat/`,
      })),
  );
}

export function readPage(siteDir: string, path: string): string {
  return readFileSync(join(siteDir, path, 'index.html'), 'utf8');
}

/** The HTML that is copied: the content of the element marked data-wechat-article. */
export function markedHtml(pageHtml: string): string | undefined {
  const $ = load(pageHtml);
  const marked = $('[data-wechat-article]');
  return marked.length === 1 ? (marked.html() ?? '') : undefined;
}

/** The site's public address and a page's canonical address, from the built page. */
export function canonicalOf(pageHtml: string): string | undefined {
  return load(pageHtml)('link[rel="canonical"]').attr('href');
}
