import type { APIRoute, GetStaticPaths } from 'astro';
import { entryPaths, getReports, getSettings, type ReportEntry } from '@/data/content';
import { coverPng, pngResponse } from '@/lib/wechat/cover-png';
import { ui } from '@/ui/strings';

export const getStaticPaths = (async () => entryPaths(await getReports())) satisfies GetStaticPaths;

/** The 公众号 cover (900×383) of a 工作报告. */
export const GET: APIRoute<{ entry: ReportEntry }> = async ({ props: { entry } }) =>
  pngResponse(
    await coverPng({
      title: entry.data.title,
      label: `${ui.nav.reports} · ${entry.data.kind}`,
      branch: (await getSettings()).name,
    }),
  );
