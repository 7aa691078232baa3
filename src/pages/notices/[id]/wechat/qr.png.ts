import type { APIRoute, GetStaticPaths } from 'astro';
import { entryPaths, getNotices } from '@/data/content';
import { wechatQrResponse } from '@/lib/wechat/qr-png';

export const getStaticPaths = (async () => entryPaths(await getNotices())) satisfies GetStaticPaths;

/** The QR code under the 公众号版 of an article, as a PNG the 公众号 editor can re-host. */
export const GET: APIRoute = ({ params, site }) => wechatQrResponse('notices', params['id']!, site);
