/**
 * The one write path of the CMS: the local backend (`npm start`) and the publishing server both
 * pass every Decap request through `prepareWrite` before touching the repository, so path rules,
 * upload rules and the content checks at save are the same wherever the secretary saves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { today as todayInChina } from '../lib/today.ts';
import { prepareUpload } from '../security/uploads/prepare-upload.ts';
import { pathRefusal } from './path-rules.ts';
import { checkAtSave, type PendingChanges, type SaveMessage } from './save-checks.ts';

export interface CmsRequest {
  action: string;
  params: Record<string, unknown>;
}

export interface WriteContext {
  /** Repository folder on disk (where content/ and the media folder live). */
  repoRoot: string;
  /** e.g. 'content' (relative to repoRoot, forward slashes). */
  contentFolder: string;
  /** e.g. 'public/uploads' (relative to repoRoot, forward slashes). */
  mediaFolder: string;
  /** YYYY-MM-DD, for checks that depend on the date (default: today in China). */
  today?: string;
  /** Where the site's pages are (src/pages, for link checks); default repoRoot if it has them, else the working folder. */
  siteRoot?: string;
}

export interface FieldMessage {
  /** The field as the CMS labels it: 正文、标题、期号 … */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export type WriteDecision =
  | { ok: true; request: CmsRequest; warnings: FieldMessage[] }
  | { ok: false; status: number; message: string; problems: FieldMessage[] };

function refuse(status: number, message: string, problems: FieldMessage[] = []): WriteDecision {
  return { ok: false, status, message, problems };
}

/** Reads the action and params of a parsed request body, or undefined when it is not one. */
/** The response header value that carries a save's warnings to the CMS, or undefined when none. */
export function saveWarningsHeader(warnings: readonly FieldMessage[]): string | undefined {
  return warnings.length > 0 ? encodeURIComponent(JSON.stringify(warnings)) : undefined;
}

export function asCmsRequest(body: unknown): CmsRequest | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { action, params } = body as { action?: unknown; params?: unknown };
  if (typeof action !== 'string') return undefined;
  if (params !== undefined && (params === null || typeof params !== 'object')) return undefined;
  return { action, params: (params ?? {}) as Record<string, unknown> };
}

interface Asset {
  path: string;
  content: string;
  encoding: string;
}

interface DataFile {
  slug?: string;
  path: string;
  raw: string;
  newPath?: string;
}

const CONTENT_FILE = /\.(?:md|ya?ml)$/;

function isAsset(value: unknown): value is Asset {
  const asset = value as Partial<Asset> | null;
  return (
    typeof asset === 'object' &&
    asset !== null &&
    typeof asset.path === 'string' &&
    typeof asset.content === 'string' &&
    asset.encoding === 'base64'
  );
}

function isDataFile(value: unknown): value is DataFile {
  const file = value as Partial<DataFile> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file.path === 'string' &&
    typeof file.raw === 'string' &&
    (file.newPath === undefined || typeof file.newPath === 'string')
  );
}

/** The address the site serves a media file at: public/uploads/a.jpg → /uploads/a.jpg */
function publicUrl(path: string): string {
  return path.slice(path.indexOf('/'));
}

/** 正文：发现未打码的手机号 … — each problem as one line the secretary can act on. */
function describe(problems: readonly FieldMessage[]): string {
  return problems
    .map((problem) => (problem.field ? `${problem.field}：${problem.message}` : problem.message))
    .join('\n');
}

function toFieldMessage(message: SaveMessage, written: ReadonlySet<string>): FieldMessage {
  // A problem in another file (a link or picture this change breaks) names that file.
  const where = written.has(message.file) ? '' : `（${message.file}）`;
  return {
    ...(message.field ? { field: message.field } : {}),
    message: `${where}${message.message}`,
    severity: message.severity,
  };
}

/** Uploads cleaned and renamed; `renamed` maps each old address to the new one. */
async function prepareAssets(
  assets: readonly Asset[],
  context: WriteContext,
): Promise<
  { ok: true; assets: Asset[]; renamed: Map<string, string> } | { ok: false; message: string }
> {
  const prepared: Asset[] = [];
  const renamed = new Map<string, string>();
  const used = new Set<string>();
  for (const asset of assets) {
    const folder = posix.dirname(asset.path);
    if (folder !== context.mediaFolder && !folder.startsWith(`${context.mediaFolder}/`))
      return { ok: false, message: `图片只能上传到 ${context.mediaFolder} 文件夹` };
    const upload = await prepareUpload(
      posix.basename(asset.path),
      Buffer.from(asset.content, 'base64'),
      (name, cleaned) => {
        const path = `${folder}/${name}`;
        const onDisk = join(context.repoRoot, path);
        // The same picture uploaded again keeps its name.
        return used.has(path) || (existsSync(onDisk) && !readFileSync(onDisk).equals(cleaned));
      },
    );
    if (!upload.ok) return upload;
    const path = `${folder}/${upload.name}`;
    used.add(path);
    prepared.push({ path, content: upload.bytes.toString('base64'), encoding: 'base64' });
    if (path !== asset.path) renamed.set(publicUrl(asset.path), publicUrl(path));
  }
  return { ok: true, assets: prepared, renamed };
}

/** Replaces each old picture address in the entry's text with the saved one. */
function rewriteAddresses(raw: string, renamed: ReadonlyMap<string, string>): string {
  let text = raw;
  for (const [from, to] of renamed) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`${escaped}(?![\\w.-])`, 'g'), to);
  }
  return text;
}

function checkFolders(context: WriteContext) {
  return {
    repoRoot: context.repoRoot,
    contentFolder: context.contentFolder,
    mediaFolder: context.mediaFolder,
    // The site's pages decide which links lead somewhere: a repository of content only is
    // checked against the pages of the program running here.
    siteRoot:
      context.siteRoot ??
      (existsSync(join(context.repoRoot, 'src/pages')) ? context.repoRoot : process.cwd()),
    today: context.today ?? todayInChina(),
  };
}

/** Checks the content as it would be after the change; errors refuse it. */
function decide(
  request: CmsRequest,
  context: WriteContext,
  changes: PendingChanges,
): WriteDecision {
  const written = new Set([...changes.write.keys(), ...changes.remove]);
  const messages = checkAtSave(checkFolders(context), changes).map((message) =>
    toFieldMessage(message, written),
  );
  const errors = messages.filter((message) => message.severity === 'error');
  if (errors.length > 0) return refuse(422, `没有保存，请先改正：\n${describe(errors)}`, errors);
  return { ok: true, request, warnings: messages.filter((m) => m.severity === 'warning') };
}

async function persistEntry(request: CmsRequest, context: WriteContext): Promise<WriteDecision> {
  const { dataFiles, assets = [] } = request.params as { dataFiles?: unknown; assets?: unknown };
  if (!Array.isArray(dataFiles) || !dataFiles.every(isDataFile))
    return refuse(400, '请求格式不正确：缺少要保存的内容');
  if (!Array.isArray(assets) || !assets.every(isAsset))
    return refuse(400, '请求格式不正确：图片数据无法读取');
  for (const file of dataFiles)
    for (const path of [file.path, file.newPath ?? file.path])
      if (!path.startsWith(`${context.contentFolder}/`) || !CONTENT_FILE.test(path))
        return refuse(403, `内容只能保存为 ${context.contentFolder} 文件夹里的 .md 或 .yml 文件`);
  const uploads = await prepareAssets(assets, context);
  if (!uploads.ok)
    return refuse(422, uploads.message, [{ message: uploads.message, severity: 'error' }]);
  const files = dataFiles.map((file) => ({
    ...file,
    raw: rewriteAddresses(file.raw, uploads.renamed),
  }));
  const write = new Map<string, string | Buffer>();
  const remove = new Set<string>();
  for (const file of files) {
    if (file.newPath && file.newPath !== file.path) remove.add(file.path);
    write.set(file.newPath ?? file.path, file.raw);
  }
  for (const asset of uploads.assets) write.set(asset.path, Buffer.from(asset.content, 'base64'));
  const params = { ...request.params, dataFiles: files, assets: uploads.assets };
  return decide({ action: request.action, params }, context, { write, remove });
}

async function persistMedia(request: CmsRequest, context: WriteContext): Promise<WriteDecision> {
  const { asset } = request.params as { asset?: unknown };
  if (!isAsset(asset)) return refuse(400, '请求格式不正确：图片数据无法读取');
  const uploads = await prepareAssets([asset], context);
  if (!uploads.ok)
    return refuse(422, uploads.message, [{ message: uploads.message, severity: 'error' }]);
  return {
    ok: true,
    request: { action: request.action, params: { ...request.params, asset: uploads.assets[0] } },
    warnings: [],
  };
}

function deleteFiles(request: CmsRequest, context: WriteContext): WriteDecision {
  const { path, paths } = request.params as { path?: unknown; paths?: unknown };
  const list = request.action === 'deleteFile' ? [path] : Array.isArray(paths) ? paths : [];
  if (list.length === 0 || !list.every((item): item is string => typeof item === 'string'))
    return refuse(400, '请求格式不正确：没有要删除的文件');
  return decide(request, context, { write: new Map(), remove: new Set(list) });
}

/**
 * Path rules for every action; for writes (persistEntry, persistMedia, deleteFile(s), …) also
 * upload rules (bytes sniffed, size, metadata stripped, safe readable names — the returned request
 * carries the cleaned asset bytes and paths) and the content checks on the entry as it would be
 * saved, together with the rest of the content (unique 期号/month, links, images, privacy guard).
 */
export async function prepareWrite(
  request: CmsRequest,
  context: WriteContext,
): Promise<WriteDecision> {
  const allowed = [context.contentFolder, context.mediaFolder];
  const outside = pathRefusal(request.params, allowed);
  if (outside) return refuse(403, outside);
  switch (request.action) {
    case 'persistEntry':
      return persistEntry(request, context);
    case 'persistMedia':
      return persistMedia(request, context);
    case 'deleteFile':
    case 'deleteFiles':
      return deleteFiles(request, context);
    default:
      return { ok: true, request, warnings: [] };
  }
}
