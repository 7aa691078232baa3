/** What a request says about where it came from and where it was sent. */
export interface OriginHeaders {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** http or https as the browser used it (from X-Forwarded-Proto behind a trusted proxy). */
  protocol: string;
}

/**
 * Why a request is not from one of this site's own pages, in Chinese, or undefined. A state
 * change must carry an Origin equal to this site's; a read may come without one from the same
 * site. `publicOrigin`, when set, is the only origin accepted.
 */
export function originRefusal(request: OriginHeaders, publicOrigin?: string): string | undefined {
  const expected = publicOrigin
    ? new URL(publicOrigin).origin
    : request.host
      ? `${request.protocol}://${request.host.toLowerCase()}`
      : undefined;
  if (publicOrigin && request.host && new URL(publicOrigin).host !== request.host.toLowerCase()) {
    return `拒绝：本服务器只接受发往 ${new URL(publicOrigin).host} 的请求`;
  }
  if (request.origin === undefined) {
    const safe = request.method === 'GET' || request.method === 'HEAD';
    const site = request.secFetchSite;
    if (safe && (site === undefined || site === 'same-origin' || site === 'none')) return undefined;
    return '拒绝：请求没有说明来自哪个网页（缺少 Origin），只接受本站页面发出的请求';
  }
  if (!expected || request.origin.toLowerCase() !== expected) {
    return `拒绝来自其他网站（${request.origin}）的请求：只接受本站页面发出的请求`;
  }
  return undefined;
}
