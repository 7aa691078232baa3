import { groupByYear, yearLinks } from '@/lib/group-by-year';
import { sectionPath, type EntrySection } from '@/lib/routes';
import { propsCacheKey } from '@/lib/page-cache-key';
import { getNotices, getReports, getSettings, getStudyIssues } from './content';
import { noticeItem, reportItem, studyItem, type ListItem } from './list-items';
import { siteToday } from './site-config';

/** How entries of each archive are counted: 3 期, 12 篇, 5 条. */
const ARCHIVE_UNITS: Record<EntrySection, string> = {
  study: '期',
  reports: '篇',
  notices: '条',
};

/** Each archive's published entries as list items, in the archive's order. */
const ARCHIVE_ITEMS: Record<EntrySection, () => Promise<ListItem[]>> = {
  study: async () => (await getStudyIssues()).map(studyItem),
  reports: async () => (await getReports()).map(reportItem),
  notices: async () => {
    const now = siteToday();
    return (await getNotices()).map((entry) => noticeItem(entry, now));
  },
};

/**
 * One page per year of an archive (/reports/year/2025/), so a list stays small however many
 * years it holds. Each page gets its year's items and the links to every year.
 */
export async function yearPages(section: EntrySection) {
  const groups = groupByYear(await ARCHIVE_ITEMS[section](), (item) => item.date);
  const links = yearLinks(groups, sectionPath(section));
  const settings = await getSettings();
  return groups.map((group) => {
    const props = {
      section,
      year: group.year,
      items: group.items,
      links,
      unit: ARCHIVE_UNITS[section],
    };
    // Rebuilt in an incremental build only when its year, the list of years or the settings change.
    return {
      params: { section, year: String(group.year) },
      props,
      cacheKey: propsCacheKey(props, settings),
    };
  });
}
