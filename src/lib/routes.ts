/**
 * Every address the site serves, built in one place: pages, checks, integrations, scripts and
 * the config all ask here, so a route changes in one file. Paths start and end with a slash
 * (build.format 'directory'), except files such as /rss.xml.
 */

/** Sections with one page per entry, a list page and year pages. */
export type EntrySection = 'study' | 'reports' | 'notices';
/** Top-level pages reached from the navigation or the footer. */
export type Section = EntrySection | 'contacts' | 'search' | 'accessibility' | 'admin';

export const ENTRY_SECTIONS: readonly EntrySection[] = ['study', 'reports', 'notices'];

/** The notice board. */
export const homePath = '/';

/** A section's own page: /study/, /contacts/, /search/ … */
export function sectionPath(section: Section): string {
  return `/${section}/`;
}

/** An entry's page: /study/2026-03/. */
export function entryPath(section: EntrySection, id: string): string {
  return `${sectionPath(section)}${id}/`;
}

/** One year of an archive: /reports/ → /reports/year/2025/. */
export function yearPath(sectionBase: string, year: number): string {
  return `${sectionBase}year/${year}/`;
}

/** The poster of an entry page; `#a4` (paper.css) switches the one poster page to A4. */
export function posterPath(entryPage: string, hash = ''): string {
  const root = entryPage.endsWith('/') ? entryPage : `${entryPage}/`;
  return `${root}poster/${hash ? `#${hash}` : ''}`;
}

/** An entry's 公众号版 and its files: /study/2026-10/wechat/, …/qr.png, …/cover.png. */
export function wechatPath(section: EntrySection, id: string): string {
  return `${entryPath(section, id)}wechat/`;
}
export const wechatQrPath = (section: EntrySection, id: string) =>
  `${wechatPath(section, id)}qr.png`;
export const wechatCoverPath = (section: EntrySection, id: string) =>
  `${wechatPath(section, id)}cover.png`;

/** 工作报告的数据汇总. */
export const reportStatsPath = `${sectionPath('reports')}stats/`;

/** A cadre's card on the contacts page; `fragment` is used as given (encode it if needed). */
export function contactCardPath(fragment: string): string {
  return `${sectionPath('contacts')}#${fragment}`;
}
/** A cadre's vCard file: /contacts/wang-fang.vcf. */
export function contactVcardPath(id: string): string {
  return `${sectionPath('contacts')}${id}.vcf`;
}
/** The printable contacts sheet and the cut-out cards. */
export const contactSheetPath = `${sectionPath('contacts')}sheet/`;
export const contactCardsPath = `${sectionPath('contacts')}cards/`;

export const rssPath = '/rss.xml';

/** The folder Pagefind writes into the built site. */
export const pagefindFolder = 'pagefind';

/**
 * Whether a page is for reading: not the CMS, a print sheet or a 公众号 version. Used by the
 * sitemap and the page budgets. Takes a URL path such as /study/2026-03/poster/.
 */
export function isReadingPage(pathname: string): boolean {
  return !/^\/admin\/|\/(poster|wechat)\/|^\/contacts\/(cards|sheet)\//.test(pathname);
}

/** Whether a URL path is an entry's own page (/study/2026-03/), not a list, year or stats page. */
export function isEntryPage(pathname: string): boolean {
  const [section, id, ...rest] = pathname.split('/').filter(Boolean);
  return (
    ENTRY_SECTIONS.includes(section as EntrySection) &&
    id !== undefined &&
    id !== 'stats' &&
    rest.length === 0
  );
}
