import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { collectionDefinitions, type CollectionName } from '../schemas/index.ts';
import { ENTRY_SECTIONS } from '../lib/routes.ts';
import { bodyFirstLine, bodyReferences } from './body-references.ts';
import { entryPagePath, siteUrlOf } from './entry-page.ts';
import { errorUnlessDraft, type Problem } from './problem.ts';
import type { RawEntry } from './read-entries.ts';
import { resolveAddress } from './site-address.ts';
import { matchRoute, siteRoutes, type Route } from './site-routes.ts';

/** Collections whose pages take an entry id: /study/<id>/, /contacts/<id>.vcf … */
const ENTRY_PAGES: readonly CollectionName[] = [...ENTRY_SECTIONS, 'contacts'];

function isPublicFile(publicDir: string, path: string): boolean {
  const file = normalize(join(publicDir, path));
  return file.startsWith(publicDir + sep) && existsSync(file) && statSync(file).isFile();
}

function isDraft(entry: RawEntry): boolean {
  return (entry.data as { draft?: unknown } | null)?.draft === true;
}

/** What is wrong with a link to `path#hash` on this site, or undefined when it leads somewhere. */
function linkProblem(
  url: string,
  path: string,
  hash: string,
  routes: readonly Route[],
  entries: ReadonlyMap<string, RawEntry>,
  publicDir: string,
): string | undefined {
  if (isPublicFile(publicDir, path)) return undefined;
  const matches = routes
    .map((route) => ({ route, params: matchRoute(route, path) }))
    .filter((m): m is { route: Route; params: Record<string, string> } => m.params !== undefined)
    // A page without parameters wins over /[id]/.
    .sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
  const best = matches[0];
  if (!best)
    return `链接 ${url} 指向的页面在网站上不存在：请检查网址（可以先在网站上打开那一页，再复制地址栏里的网址）`;
  const [section] = best.route.segments;
  const id = best.params['id'];
  if (id !== undefined && ENTRY_PAGES.includes(section as CollectionName)) {
    const collection = section as CollectionName;
    const { label, folder } = collectionDefinitions[collection];
    const target = entries.get(`${collection}/${id}`);
    if (!target)
      return `链接 ${url} 指向的${label}“${id}”不存在：content/${folder}/ 里没有 ${id}.md。请检查网址中的文件名`;
    if (isDraft(target))
      return `链接 ${url} 指向的${label}“${id}”还是草稿，不会发布，居民点开会找不到：请先发布那一篇，或删除这个链接`;
  }
  if (section === 'contacts' && best.route.segments.length === 1 && hash !== '') {
    if (!entries.has(`contacts/${hash}`))
      return `链接 ${url} 指向的联系卡“${hash}”不存在：# 后面应是联系卡的文件名（content/contacts/ 里的文件名，不含 .md）`;
  }
  return undefined;
}

/**
 * Links in bodies to the site's own pages must lead somewhere: an existing, published entry, one of
 * the site's pages, or a file under public/.
 */
export function linkProblems(
  root: string,
  entries: readonly RawEntry[],
  publicDir = join(root, 'public'),
): Problem[] {
  const routes = siteRoutes(root);
  const byKey = new Map(entries.map((entry) => [`${entry.collection}/${entry.id}`, entry]));
  const siteUrl = siteUrlOf(entries);
  const problems: Problem[] = [];
  for (const entry of entries) {
    const first = bodyFirstLine(entry.source, entry.body);
    for (const ref of bodyReferences(entry.body, first)) {
      if (ref.kind !== 'link' || ref.url === '' || ref.url.startsWith('#')) continue;
      const address = resolveAddress(ref.url, entryPagePath(entry), siteUrl);
      if (address.kind !== 'local') continue;
      const message = linkProblem(ref.url, address.path, address.hash, routes, byKey, publicDir);
      if (message)
        problems.push(
          errorUnlessDraft(isDraft(entry), entry.file, message, {
            field: '正文中的链接',
            line: ref.line,
          }),
        );
    }
  }
  return problems;
}
