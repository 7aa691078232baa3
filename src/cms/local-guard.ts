import { posix } from 'node:path';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const PATH_KEYS = new Set(['path', 'newPath', 'folder', 'mediaFolder']);

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

/** Every path a request names, wherever Decap puts it in the parameters. */
export function requestPaths(params: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key?: string) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key === 'paths' ? 'path' : undefined);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    } else if (key && PATH_KEYS.has(key)) {
      found.push(typeof value === 'string' ? value : String(value));
    }
  };
  visit(params);
  return found;
}

/** True when `path` is one of the allowed folders or inside one, written plainly (no `..`). */
export function isAllowedPath(path: string, allowed: string[]): boolean {
  if (path === '' || path.includes('\\') || path.includes('\0') || path.startsWith('/'))
    return false;
  const trimmed = path.replace(/\/+$/, '');
  if (posix.normalize(trimmed) !== trimmed) return false;
  if (
    trimmed.split('/').some((segment) => segment === '..' || segment === '.' || segment === '.git')
  )
    return false;
  return allowed.some((folder) => trimmed === folder || trimmed.startsWith(`${folder}/`));
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
  const outside = requestPaths(body.params).filter((path) => !isAllowedPath(path, options.allowed));
  if (outside.length > 0) {
    return {
      status: 403,
      message: `只能读写 ${options.allowed.join('、')} 文件夹，拒绝：${outside.join('、')}`,
    };
  }
  return undefined;
}
