import type { APIRoute, GetStaticPaths } from 'astro';
import { entryPaths, getNotices, getSettings, type NoticeEntry } from '@/data/content';
import { coverPng, pngResponse } from '@/lib/wechat/cover-png';
import { ui } from '@/ui/strings';

export const getStaticPaths = (async () => entryPaths(await getNotices())) satisfies GetStaticPaths;

/** The 公众号 cover (900×383) of a 通知公告. */
export const GET: APIRoute<{ entry: NoticeEntry }> = async ({ props: { entry } }) =>
  pngResponse(
    await coverPng({
      title: entry.data.title,
      label: ui.nav.notices,
      branch: (await getSettings()).name,
    }),
  );
