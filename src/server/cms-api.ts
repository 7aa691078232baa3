import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runChecks } from '../checks/run-checks.ts';
import type { Problem } from '../checks/problem.ts';
import { collectionLabel, entryTitle } from './entry-title.ts';
import { GitStore, type FileChange, type Person } from './git-store.ts';
import type { MainCommit, MainCommitEntry } from './releases-hook.ts';
import type { SessionUser } from './session-user.ts';

/** A refusal the CMS shows as it is: status and a Chinese sentence. */
export class CmsError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export const STATUSES = ['draft', 'pending_review', 'pending_publish'] as const;
type Status = (typeof STATUSES)[number];

const STATUS_VERBS: Record<string, string> = {
  'draft>pending_review': '提交审核',
  'pending_review>draft': '撤回审核',
  'pending_review>pending_publish': '审核通过',
  'draft>pending_publish': '审核通过',
  'pending_publish>pending_review': '退回审核',
  'pending_publish>draft': '退回修改',
};

export interface CmsApiOptions {
  store: GitStore;
  branch: string;
  contentFolder: string;
  mediaFolder: string;
  emailDomain: string;
  onMainCommit?: ((commit: MainCommit) => void | Promise<void>) | undefined;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** YYYY-MM-DD for date-dependent checks; default today in China. */
  today?: (() => string) | undefined;
}

interface DataFile {
  slug: string;
  path: string;
  raw: string;
  newPath?: string;
}

interface Asset {
  path: string;
  content: string;
  encoding: string;
}

type Params = Record<string, unknown>;

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;
const COLLECTION = /^[a-z][a-z0-9_-]{0,40}$/;

function str(params: Params, key: string): string {
  const value = params[key];
  if (typeof value !== 'string' || value === '') throw new CmsError(400, `请求缺少 ${key}`);
  return value;
}

function problemLine(problem: Problem): string {
  const where = problem.line ? `${problem.file} 第 ${problem.line} 行` : problem.file;
  return `${where}${problem.field ? `（${problem.field}）` : ''}：${problem.message}`;
}

const REVIEWER_ONLY = '只有“审核”角色的账号才能这样做';

/**
 * Decap's proxy-backend actions over real git, with the editorial workflow on cms/<collection>/<slug>
 * branches. Each save is a commit by the signed-in person; only reviewers move the main branch,
 * and only after the content checks pass on the tree main would have.
 */
export class CmsApi {
  /** What each session last read of each path (blob id, null for absent): stale saves are refused. */
  private reads = new Map<string, Map<string, string | null>>();

  private readonly options: CmsApiOptions;

  constructor(options: CmsApiOptions) {
    this.options = options;
  }

  private get store() {
    return this.options.store;
  }

  private get mainRef() {
    return `refs/heads/${this.options.branch}`;
  }

  private person(user: SessionUser): Person {
    return { name: user.name, email: `${user.login}@${this.options.emailDomain}` };
  }

  private async main(): Promise<string> {
    const head = await this.store.resolve(this.mainRef);
    if (!head) throw new CmsError(500, `仓库里没有 ${this.options.branch} 分支`);
    return head;
  }

  private remember(session: string, path: string, sha: string | null | undefined) {
    let seen = this.reads.get(session);
    if (!seen) {
      seen = new Map();
      this.reads.set(session, seen);
      // Sessions that expired without signing out are forgotten, oldest first.
      if (this.reads.size > 500) this.reads.delete(this.reads.keys().next().value ?? '');
    }
    seen.set(path, sha ?? null);
  }

  /** Forget a signed-out session. */
  forget(session: string) {
    this.reads.delete(session);
  }

  private key(collection: string, slug: string) {
    if (!COLLECTION.test(collection) || !SLUG.test(slug)) {
      throw new CmsError(400, `条目名称不正确：${collection}/${slug}`);
    }
    return `${collection}/${slug}`;
  }

  private cmsRef(key: string) {
    return `refs/heads/cms/${key}`;
  }

  private statusKey(key: string) {
    return `branch.cms/${key}.cmsstatus`;
  }

  private async status(key: string): Promise<Status> {
    const value = await this.store.getConfig(this.statusKey(key));
    return (STATUSES as readonly string[]).includes(value ?? '') ? (value as Status) : 'draft';
  }

  private describe(path: string, text: string | undefined) {
    return `${collectionLabel(path, this.options.contentFolder)} ${entryTitle(path, text)}`;
  }

  private isMedia(path: string) {
    return path.startsWith(`${this.options.mediaFolder}/`);
  }

  private mediaFile(path: string, sha: string, content: Buffer) {
    return {
      id: sha,
      content: content.toString('base64'),
      encoding: 'base64',
      path,
      name: basename(path),
    };
  }

  async handle(
    action: string,
    params: Params,
    user: SessionUser,
    session: string,
  ): Promise<unknown> {
    switch (action) {
      case 'info':
        return { repo: 'content', publish_modes: ['editorial_workflow'], type: 'dangzhibu_git' };
      case 'entriesByFolder':
        return this.entriesByFolder(params, session);
      case 'entriesByFiles':
        return this.entriesByFiles(params, session);
      case 'getEntry': {
        const [entry] = await this.readEntries([str(params, 'path')], session);
        return entry;
      }
      case 'unpublishedEntries':
        return (await this.store.refs('refs/heads/cms/')).map(({ ref }) =>
          ref.slice('refs/heads/cms/'.length),
        );
      case 'unpublishedEntry':
        return this.unpublishedEntry(params);
      case 'unpublishedEntryDataFile':
        return this.unpublishedFile(params, session, 'data');
      case 'unpublishedEntryMediaFile':
        return this.unpublishedFile(params, session, 'media');
      case 'persistEntry':
        return this.persistEntry(params, user, session);
      case 'updateUnpublishedEntryStatus':
        return this.updateStatus(params, user);
      case 'publishUnpublishedEntry':
        return this.publish(params, user);
      case 'deleteUnpublishedEntry':
        return this.deleteUnpublished(params, user);
      case 'getMedia':
        return this.getMedia(params);
      case 'getMediaFile': {
        const path = str(params, 'path');
        const file = await this.store.read(await this.main(), path);
        if (!file) throw new CmsError(404, `找不到文件 ${path}`);
        return this.mediaFile(path, file.sha, file.content);
      }
      case 'persistMedia':
        return this.persistMedia(params, user);
      case 'deleteFile':
        return this.deleteFiles([str(params, 'path')], user);
      case 'deleteFiles': {
        const paths = params.paths;
        if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string')) {
          throw new CmsError(400, '请求缺少要删除的文件');
        }
        return this.deleteFiles(paths as string[], user);
      }
      case 'getDeployPreview':
        return null;
      case 'getNotes':
        return { notes: [] };
      case 'getPRMetadata':
        return { metadata: null };
      default:
        throw new CmsError(422, `不支持的操作：${action}`);
    }
  }

  private async readEntries(paths: string[], session: string, commit?: string) {
    const head = commit ?? (await this.main());
    const files = await Promise.all(
      paths.map(async (path) => ({ path, sha: await this.store.blobAt(head, path) })),
    );
    const blobs = await this.store.blobs(files.flatMap((f) => (f.sha ? [f.sha] : [])));
    return files.map(({ path, sha }) => {
      this.remember(session, path, sha);
      const content = sha ? blobs.get(sha) : undefined;
      return { data: content ? content.toString('utf8') : null, file: { path, id: sha ?? null } };
    });
  }

  private async entriesByFolder(params: Params, session: string) {
    const folder = str(params, 'folder').replace(/\/+$/, '');
    const extension = typeof params.extension === 'string' ? params.extension : '';
    const depth = typeof params.depth === 'number' ? params.depth : 1;
    const files = (await this.store.list(await this.main(), folder)).filter((file) => {
      const rest = file.path.slice(folder.length + 1);
      return file.path.endsWith(extension) && rest.split('/').length <= depth;
    });
    const blobs = await this.store.blobs(files.map((f) => f.sha));
    return files.map((file) => {
      this.remember(session, file.path, file.sha);
      return {
        data: blobs.get(file.sha)?.toString('utf8') ?? null,
        file: { path: file.path, id: file.sha },
      };
    });
  }

  private async entriesByFiles(params: Params, session: string) {
    const files = params.files;
    if (!Array.isArray(files)) throw new CmsError(400, '请求缺少 files');
    const entries = await this.readEntries(
      files.map((f) => {
        const path = (f as { path?: unknown }).path;
        return typeof path === 'string' ? path : '';
      }),
      session,
    );
    return entries.map((entry, index) => ({
      ...entry,
      file: { ...entry.file, label: (files[index] as { label?: string }).label },
    }));
  }

  private entryKey(params: Params) {
    if (typeof params.id === 'string' && params.id.includes('/')) {
      const index = params.id.indexOf('/');
      return this.key(params.id.slice(0, index), params.id.slice(index + 1));
    }
    return this.key(str(params, 'collection'), str(params, 'slug'));
  }

  private async unpublishedEntry(params: Params) {
    const key = this.entryKey(params);
    const head = await this.store.resolve(this.cmsRef(key));
    if (!head) throw new CmsError(404, 'Not Found');
    const main = await this.main();
    const base = (await this.store.mergeBase(main, head)) ?? main;
    const changes = (await this.store.diff(base, head)).filter((c) => c.after !== undefined);
    const [collection, slug] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    return {
      collection,
      slug,
      status: await this.status(key),
      diffs: changes.map((c) => ({
        id: c.after,
        path: c.path,
        newFile: c.before === undefined,
        status: c.before === undefined ? 'added' : 'modified',
        binary: this.isMedia(c.path),
      })),
      updatedAt: (await this.store.commitInfo(head)).date,
      // Shown on the workflow card: who wrote the draft.
      pullRequestAuthor: await this.store.firstAuthor(base, head),
    };
  }

  private async unpublishedFile(params: Params, session: string, kind: 'data' | 'media') {
    const key = this.key(str(params, 'collection'), str(params, 'slug'));
    const path = str(params, 'path');
    const head = await this.store.resolve(this.cmsRef(key));
    if (!head) throw new CmsError(404, '这篇待审核的内容已不存在，请刷新页面');
    const file = await this.store.read(head, path);
    if (!file) throw new CmsError(404, `找不到文件 ${path}`);
    if (kind === 'media') return this.mediaFile(path, file.sha, file.content);
    this.remember(session, path, file.sha);
    return { data: file.content.toString('utf8') };
  }

  private async persistEntry(params: Params, user: SessionUser, session: string) {
    const options = (params.options ?? {}) as {
      collectionName?: unknown;
      useWorkflow?: unknown;
      status?: unknown;
    };
    const dataFiles = (
      Array.isArray(params.dataFiles) ? params.dataFiles : params.entry ? [params.entry] : []
    ) as DataFile[];
    const assets = (Array.isArray(params.assets) ? params.assets : []) as Asset[];
    if (
      dataFiles.length === 0 ||
      dataFiles.some(
        (f) =>
          typeof f.path !== 'string' || typeof f.raw !== 'string' || typeof f.slug !== 'string',
      ) ||
      assets.some(
        (a) =>
          typeof a.path !== 'string' || typeof a.content !== 'string' || a.encoding !== 'base64',
      )
    ) {
      throw new CmsError(400, '保存的内容格式不正确');
    }
    const changes: FileChange[] = [];
    for (const file of dataFiles) {
      if (file.newPath && file.newPath !== file.path) {
        changes.push({ path: file.path, content: null });
        changes.push({ path: file.newPath, content: Buffer.from(file.raw, 'utf8') });
      } else {
        changes.push({ path: file.path, content: Buffer.from(file.raw, 'utf8') });
      }
    }
    for (const asset of assets)
      changes.push({ path: asset.path, content: Buffer.from(asset.content, 'base64') });
    const first = dataFiles[0] as DataFile;
    const finalPath = first.newPath ?? first.path;
    const description = this.describe(finalPath, first.raw);

    if (options.useWorkflow !== true) {
      if (user.role !== 'reviewer')
        throw new CmsError(403, `直接发布：${REVIEWER_ONLY}；请先保存，再在“工作流”里提交审核`);
      return this.store.exclusive(async () => {
        const main = await this.main();
        await this.refuseStale(dataFiles, main, session);
        await this.commitToMain(main, [main], changes, `发布${description}`, user, [
          { path: finalPath, title: entryTitle(finalPath, first.raw), action: 'publish' },
        ]);
        return { message: 'entry persisted' };
      });
    }

    const collection = typeof options.collectionName === 'string' ? options.collectionName : '';
    const key = this.key(collection, first.slug);
    const ref = this.cmsRef(key);
    return this.store.exclusive(async () => {
      const main = await this.main();
      const head = await this.store.resolve(ref);
      const base = head ?? main;
      await this.refuseStale(dataFiles, base, session);
      if (head) {
        // Media the entry no longer uses leave its branch (as decap-server does).
        const forkPoint = (await this.store.mergeBase(main, head)) ?? main;
        const kept = new Set(assets.map((a) => a.path));
        for (const change of await this.store.diff(forkPoint, head)) {
          if (change.after && this.isMedia(change.path) && !kept.has(change.path)) {
            changes.push({ path: change.path, content: null });
          }
        }
      }
      const existed = Boolean(await this.store.blobAt(main, first.path)) || Boolean(head);
      const tree = await this.store.writeTree(base, changes);
      if (head && tree === (await this.store.treeOf(head))) return { message: 'entry persisted' };
      const verb = existed ? '修改' : '新建';
      const commit = await this.store.commit(
        tree,
        [base],
        `${verb}${description}`,
        this.person(user),
      );
      if (!(await this.store.swapRef(ref, commit, head))) {
        throw new CmsError(409, '保存失败：别人刚刚也保存了这篇内容，请刷新页面后再改');
      }
      const status = await this.status(key);
      if (!head) {
        const wanted = typeof options.status === 'string' ? options.status : 'draft';
        await this.store.setConfig(
          this.statusKey(key),
          (STATUSES as readonly string[]).includes(wanted) ? wanted : 'draft',
        );
      } else if (status === 'pending_publish' && user.role !== 'reviewer') {
        // A change after approval needs approving again.
        await this.store.setConfig(this.statusKey(key), 'pending_review');
      }
      for (const file of dataFiles) {
        const path = file.newPath ?? file.path;
        this.remember(session, path, await this.store.blobAt(commit, path));
      }
      this.options.log.info(`${user.login} ${verb}${description}（${commit.slice(0, 7)}）`);
      return { message: 'entry persisted' };
    });
  }

  /** Refuses a save built on an older version than the one now in `commit`. */
  private async refuseStale(dataFiles: DataFile[], commit: string, session: string) {
    const seen = this.reads.get(session);
    for (const file of dataFiles) {
      const current = (await this.store.blobAt(commit, file.path)) ?? null;
      const read = seen?.has(file.path) ? seen.get(file.path) : null;
      if (current !== read) {
        const { author } = await this.store.commitInfo(commit);
        throw new CmsError(
          409,
          read === null && !seen?.has(file.path)
            ? `没有保存：${file.path} 已经有内容（可能是别人刚建的同名条目，或你打开后服务器重启过）。请刷新页面，确认后再改`
            : `没有保存：这篇内容在你打开之后已被 ${author} 修改。请刷新页面，看过别人的修改后再改（你写的内容浏览器会保留，刷新后可以恢复）`,
        );
      }
    }
  }

  private async updateStatus(params: Params, user: SessionUser) {
    const key = this.key(str(params, 'collection'), str(params, 'slug'));
    const next = str(params, 'newStatus');
    if (!(STATUSES as readonly string[]).includes(next))
      throw new CmsError(400, `不认识的状态：${next}`);
    const ref = this.cmsRef(key);
    return this.store.exclusive(async () => {
      const head = await this.store.resolve(ref);
      if (!head) throw new CmsError(404, '这篇待审核的内容已不存在，请刷新页面');
      const current = await this.status(key);
      if (current === next) return { message: 'unchanged' };
      if (
        user.role !== 'reviewer' &&
        (next === 'pending_publish' || current === 'pending_publish')
      ) {
        throw new CmsError(
          403,
          '只有“审核”角色的账号能审核通过（改为“就绪”）或退回已就绪的稿件；编辑写好后请把状态改为“审核中”，提交审核',
        );
      }
      const main = await this.main();
      const base = (await this.store.mergeBase(main, head)) ?? main;
      const data = (await this.store.diff(base, head)).find(
        (c) => c.after && !this.isMedia(c.path),
      );
      const text = data?.after
        ? (await this.store.blobs([data.after])).get(data.after)?.toString('utf8')
        : undefined;
      const verb = STATUS_VERBS[`${current}>${next}`] ?? '修改状态';
      const message = `${verb} ${this.describe(data?.path ?? key, text)}`;
      // An empty commit: the branch's history records who submitted and who approved.
      const commit = await this.store.commit(
        await this.store.treeOf(head),
        [head],
        message,
        this.person(user),
      );
      if (!(await this.store.swapRef(ref, commit, head)))
        throw new CmsError(409, '别人刚刚也改了这篇内容，请刷新页面');
      await this.store.setConfig(this.statusKey(key), next);
      this.options.log.info(`${user.login} ${message}`);
      return { message: `status ${next}` };
    });
  }

  private async publish(params: Params, user: SessionUser) {
    if (user.role !== 'reviewer') throw new CmsError(403, `发布：${REVIEWER_ONLY}`);
    const key = this.key(str(params, 'collection'), str(params, 'slug'));
    const ref = this.cmsRef(key);
    return this.store.exclusive(async () => {
      const head = await this.store.resolve(ref);
      if (!head) throw new CmsError(404, '这篇待审核的内容已不存在，请刷新页面');
      if ((await this.status(key)) !== 'pending_publish') {
        throw new CmsError(409, '请先审核：在“工作流”里把它移到“待发布”，再发布');
      }
      const main = await this.main();
      const base = (await this.store.mergeBase(main, head)) ?? main;
      const changes = await this.store.diff(base, head);
      for (const change of changes) {
        const now = await this.store.blobAt(main, change.path);
        if (now !== change.before && now !== change.after) {
          throw new CmsError(
            409,
            `没有发布：${change.path} 在这篇内容提交之后，正式网站上的版本已被修改。请打开它，刷新后重新保存并提交审核`,
          );
        }
      }
      const blobs = await this.store.blobs(changes.flatMap((c) => (c.after ? [c.after] : [])));
      const data = changes.find((c) => c.after && !this.isMedia(c.path));
      const text = data?.after ? blobs.get(data.after)?.toString('utf8') : undefined;
      const description = this.describe(data?.path ?? key, text);
      const commit = await this.commitToMain(
        main,
        [main, head],
        changes.map((c) => ({
          path: c.path,
          content: c.after ? (blobs.get(c.after) ?? null) : null,
        })),
        `发布${description}`,
        user,
        changes
          .filter((c) => !this.isMedia(c.path))
          .map((c) => ({
            path: c.path,
            title: entryTitle(c.path, c.after ? blobs.get(c.after)?.toString('utf8') : undefined),
            action: c.after ? ('publish' as const) : ('delete' as const),
          })),
      );
      await this.store.deleteRef(ref, head);
      await this.store.unsetConfig(this.statusKey(key));
      return { message: `published ${commit}` };
    });
  }

  private async deleteUnpublished(params: Params, user: SessionUser) {
    const key = this.key(str(params, 'collection'), str(params, 'slug'));
    const ref = this.cmsRef(key);
    return this.store.exclusive(async () => {
      const head = await this.store.resolve(ref);
      if (!head) return { message: 'already gone' };
      if (user.role !== 'reviewer') {
        const main = await this.main();
        const base = (await this.store.mergeBase(main, head)) ?? main;
        const authors = await this.store.authorsBetween(base, head);
        const mine = `${user.login}@${this.options.emailDomain}`;
        if (authors.some((email) => email !== mine)) {
          throw new CmsError(403, `这篇稿件也有别人写的内容，只有“审核”角色的账号能删除它`);
        }
      }
      // Kept under refs/cms-deleted/: a deleted draft can still be recovered with git.
      await this.store.swapRef(`refs/cms-deleted/${key}/${Date.now()}`, head, undefined);
      await this.store.deleteRef(ref, head);
      await this.store.unsetConfig(this.statusKey(key));
      this.options.log.info(`${user.login} 删除了未发布的稿件 ${key}`);
      return { message: `deleted ${key}` };
    });
  }

  private async getMedia(params: Params) {
    const folder = str(params, 'mediaFolder').replace(/\/+$/, '');
    const files = (await this.store.list(await this.main(), folder)).filter(
      (file) => !file.path.slice(folder.length + 1).includes('/'),
    );
    const blobs = await this.store.blobs(files.map((f) => f.sha));
    return files.map((file) =>
      this.mediaFile(file.path, file.sha, blobs.get(file.sha) ?? Buffer.alloc(0)),
    );
  }

  private async persistMedia(params: Params, user: SessionUser) {
    if (user.role !== 'reviewer') {
      throw new CmsError(
        403,
        '编辑不能直接把文件传到正式网站：请在条目里插入图片，它会随条目一起提交审核',
      );
    }
    const asset = params.asset as Asset | undefined;
    if (!asset || typeof asset.path !== 'string' || typeof asset.content !== 'string') {
      throw new CmsError(400, '上传的文件格式不正确');
    }
    const content = Buffer.from(asset.content, 'base64');
    return this.store.exclusive(async () => {
      const main = await this.main();
      const commit = await this.commitToMain(
        main,
        [main],
        [{ path: asset.path, content }],
        `上传文件 ${basename(asset.path)}`,
        user,
        [{ path: asset.path, action: 'publish' }],
      );
      const sha = (await this.store.blobAt(commit, asset.path)) ?? '';
      return this.mediaFile(asset.path, sha, content);
    });
  }

  private async deleteFiles(paths: string[], user: SessionUser) {
    if (user.role !== 'reviewer')
      throw new CmsError(403, `删除或撤下已发布的内容：${REVIEWER_ONLY}`);
    return this.store.exclusive(async () => {
      const main = await this.main();
      const present = (
        await Promise.all(
          paths.map(async (path) => ({ path, sha: await this.store.blobAt(main, path) })),
        )
      ).filter((f) => f.sha);
      if (present.length === 0) return { message: 'nothing to delete' };
      const blobs = await this.store.blobs(present.map((f) => f.sha as string));
      const first = present.find((f) => !this.isMedia(f.path)) ?? present[0];
      const text = first?.sha ? blobs.get(first.sha)?.toString('utf8') : undefined;
      await this.commitToMain(
        main,
        [main],
        present.map((f) => ({ path: f.path, content: null })),
        `删除${this.describe(first?.path ?? '', text)}`,
        user,
        present.map((f) => ({
          path: f.path,
          title: entryTitle(f.path, f.sha ? blobs.get(f.sha)?.toString('utf8') : undefined),
          action: 'delete' as const,
        })),
      );
      return { message: `deleted ${present.map((f) => f.path).join(', ')}` };
    });
  }

  /**
   * The only way main moves: the would-be tree passes the content checks (as the build would run
   * them), then one compare-and-swap of the branch, then the working tree follows.
   */
  private async commitToMain(
    main: string,
    parents: string[],
    changes: FileChange[],
    message: string,
    user: SessionUser,
    entries: MainCommitEntry[],
  ): Promise<string> {
    const tree = await this.store.writeTree(main, changes);
    const commit = await this.store.commit(tree, parents, message, this.person(user));
    const errors = await this.checkTree(commit);
    if (errors.length > 0) {
      const more = errors.length > 3 ? `（共 ${errors.length} 个问题）` : '';
      throw new CmsError(
        422,
        `内容检查没有通过，没有发布：${errors.slice(0, 3).map(problemLine).join('；')}${more}`,
      );
    }
    if (!(await this.store.swapRef(this.mainRef, commit, main))) {
      throw new CmsError(409, '正式网站的内容刚刚有了别的更新，请再点一次');
    }
    this.options.log.info(`${user.login} ${message.split('\n')[0]}（${commit.slice(0, 7)}）`);
    const skipped = await this.store
      .syncWorktree(
        this.mainRef,
        changes.map((c) => c.path),
      )
      .catch((error: unknown) => {
        this.options.log.error(
          `更新工作区失败：${error instanceof Error ? error.message : String(error)}`,
        );
        return [];
      });
    if (skipped.length > 0)
      this.options.log.warn(`工作区里这些文件有手工修改，没有覆盖：${skipped.join('、')}`);
    try {
      await this.options.onMainCommit?.({ commit, author: user, entries });
    } catch (error) {
      this.options.log.error(
        `发布后的处理出错：${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return commit;
  }

  private async checkTree(commit: string): Promise<Problem[]> {
    const folder = mkdtempSync(join(tmpdir(), 'dzb-check-'));
    try {
      await this.store.exportTree(
        commit,
        [this.options.contentFolder, 'public', 'src/pages'],
        folder,
      );
      const { problems } = runChecks(folder, this.options.today?.());
      return problems.filter((p) => p.severity === 'error');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}
