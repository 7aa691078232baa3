import type { APIRoute, GetStaticPaths } from 'astro';
import { entryPaths, getContacts, getSettings, type ContactEntry } from '@/data/content';
import { absoluteUrl } from '@/lib/poster-url';
import { contactCardPath } from '@/lib/routes';
import { buildVCard } from '@/lib/vcard';

export const getStaticPaths = (async () =>
  entryPaths(await getContacts())) satisfies GetStaticPaths;

/** One cadre as a vCard, so a resident can save the number straight into the phone. */
export const GET: APIRoute<{ entry: ContactEntry }> = async ({ props, site }) => {
  const settings = await getSettings();
  const { data } = props.entry;
  const note = [
    `工作职责：${data.duties}`,
    data.area && `联系片区：${data.area}`,
    data.reception && `接待时间：${data.reception}`,
    `监督电话：${data.supervisionPhone ?? settings.supervisionPhone}`,
  ]
    .filter(Boolean)
    .join('\n');
  const body = buildVCard({
    name: data.name,
    org: settings.name,
    title: data.role,
    phone: data.phone,
    note,
    url: absoluteUrl(contactCardPath(props.entry.id), site ?? settings.siteUrl),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/vcard; charset=utf-8' } });
};
