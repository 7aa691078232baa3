import rss, { type RSSFeedItem } from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getNotices, getReports, getSettings, getStudyIssues } from '@/data/content';
import { entryPath } from '@/lib/routes';
import { ui } from '@/ui/strings';

/** One feed for the whole board: notices, study issues and reports, newest first (drafts are never loaded). */
export async function GET(context: APIContext) {
  const settings = await getSettings();
  const [notices, study, reports] = await Promise.all([
    getNotices(),
    getStudyIssues(),
    getReports(),
  ]);
  const items: RSSFeedItem[] = [
    ...notices.map(({ id, data }) => ({
      title: `【${ui.nav.notices}】${data.title}`,
      link: entryPath('notices', id),
      pubDate: new Date(`${data.date}T00:00:00+08:00`),
      description: data.summary,
      categories: [ui.nav.notices],
    })),
    ...study.map(({ id, data }) => ({
      title: `【${ui.nav.study}】${ui.issueNumber(data.issue)} ${data.title}`,
      link: entryPath('study', id),
      pubDate: new Date(`${data.date}T00:00:00+08:00`),
      description: data.summary,
      categories: [ui.nav.study, ...(data.topics ?? [])],
    })),
    ...reports.map(({ id, data }) => ({
      title: `【${ui.nav.reports}】${data.title}`,
      link: entryPath('reports', id),
      pubDate: new Date(`${data.date}T00:00:00+08:00`),
      description: data.summary,
      categories: [ui.nav.reports, data.kind],
    })),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());

  return rss({
    title: `${settings.name}${ui.siteTitleSuffix}`,
    description: ui.feed.description(settings.name),
    site: context.site ?? settings.siteUrl,
    items,
    customData: '<language>zh-CN</language>',
  });
}
