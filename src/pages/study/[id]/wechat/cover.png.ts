import type { APIRoute, GetStaticPaths } from 'astro';
import { entryPaths, getSettings, getStudyIssues, type StudyEntry } from '@/data/content';
import { coverPng, pngResponse } from '@/lib/wechat/cover-png';
import { ui } from '@/ui/strings';

export const getStaticPaths = (async () =>
  entryPaths(await getStudyIssues())) satisfies GetStaticPaths;

/** The 公众号 cover (900×383) of a 学习园地 issue. */
export const GET: APIRoute<{ entry: StudyEntry }> = async ({ props: { entry } }) =>
  pngResponse(
    await coverPng({
      title: entry.data.title,
      label: `${ui.nav.study} · ${ui.issueNumber(entry.data.issue)}`,
      branch: (await getSettings()).name,
    }),
  );
