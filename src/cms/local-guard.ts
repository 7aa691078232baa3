import { pathRefusal } from './path-rules.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface GuardOptions {
  /** Folders (relative to the local repository) the CMS may read and write. */
  allowed: string[];
}

/** `localhost:4321` → `localhost`, `[::1]:4321` → `[::1]`. */
export function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  return value.replace(/:\d+$/, '');
}

/** True for Host headers that can only come from this machine (refuses DNS rebinding). */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOSTS.has(hostName(host));
}

/** A page on another site must not drive the local backend. */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.host);
  } catch {
    return false;
  }
}

/**
 * Why a request to the local backend is refused, in Chinese, or undefined when it may pass:
 * only this machine may call it, and only the content and media folders may be touched.
 */
export function refusal(
  request: { host?: string | undefined; origin?: string | undefined; body: unknown },
  options: GuardOptions,
): { status: number; message: string } | undefined {
  if (!isLoopbackHost(request.host)) {
    return { status: 403, message: '本机内容管理只接受来自本机（localhost 或 127.0.0.1）的请求' };
  }
  if (!isLoopbackOrigin(request.origin)) {
    return { status: 403, message: '拒绝来自其他网站的请求' };
  }
  const body = request.body as { action?: unknown; params?: unknown } | null;
  if (!body || typeof body !== 'object' || typeof body.action !== 'string') {
    return { status: 400, message: '请求格式不正确' };
  }
  // The same path rules as every other write path (prepareWrite applies them again).
  const outside = pathRefusal(body.params, options.allowed);
  return outside ? { status: 403, message: outside } : undefined;
}
