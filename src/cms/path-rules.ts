import { posix } from 'node:path';

const PATH_KEYS = new Set(['path', 'newPath', 'folder', 'mediaFolder']);

/** Every path a CMS request names, wherever Decap puts it in the parameters. */
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
export function isAllowedPath(path: string, allowed: readonly string[]): boolean {
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

/** Why the paths of a request are refused, in Chinese, or undefined when all are allowed. */
export function pathRefusal(params: unknown, allowed: readonly string[]): string | undefined {
  const outside = requestPaths(params).filter((path) => !isAllowedPath(path, allowed));
  if (outside.length === 0) return undefined;
  return `只能读写 ${allowed.join('、')} 文件夹，拒绝：${outside.join('、')}`;
}
