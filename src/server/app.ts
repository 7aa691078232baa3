import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { parse } from 'yaml';
import { resolveBackend } from '../cms/backend.ts';
import { MEDIA_FOLDER, SAVE_WARNINGS_HEADER } from '../cms/names.ts';
import { asCmsRequest, prepareWrite, saveWarningsHeader } from '../cms/write-path.ts';
import { AccountStore, toSessionUser } from './accounts.ts';
import { CmsApi, CmsError } from './cms-api.ts';
import { GitStore } from './git-store.ts';
import { Lockout } from './lockout.ts';
import { verifyPassword } from './password.ts';
import {
  ADMIN_BAR_CSS,
  PAGE_CSP,
  SIGNIN_CSS,
  SIGNIN_JS,
  adminBar,
  messagePage,
  signInPage,
} from './pages.ts';
import type { ReleasesHook } from './releases-hook.ts';
import { originRefusal } from './same-origin.ts';
import { SESSION_COOKIE, SessionStore } from './sessions.ts';
import type { ResolvedSettings } from './settings.ts';
import type { SessionUser } from './session-user.ts';
import { findSiteFile, sendSiteFile } from './static-site.ts';
import { sectionPath } from '../lib/routes.ts';

export const CONTENT_FOLDER = 'content';
export const API_PATH = '/api/v1';

export interface ServerOptions {
  settings: ResolvedSettings;
  /** Rebuilds and switches the site after each commit to main; its plugin adds routes. */
  releases?: ReleasesHook | undefined;
  /** Fastify's logger setting (pino); requests are not logged one by one. */
  logger?: boolean | { level: string };
  /** YYYY-MM-DD for date-dependent checks (tests). */
  today?: () => string;
}

/** A password hash nobody has: a missing login costs as long as a wrong password. */
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function siteName(repo: string): string {
  try {
    const file = join(repo, CONTENT_FOLDER, 'settings/site.yml');
    const settings = parse(readFileSync(file, 'utf8')) as { name?: unknown } | null;
    return typeof settings?.name === 'string' ? settings.name : '党支部宣传站';
  } catch {
    return '党支部宣传站';
  }
}

/** The CMS page, where a login leads unless it asked for another page. */
const ADMIN_PATH = sectionPath('admin');

/** Only a path on this site: never `//elsewhere` or a full URL. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\\\s]*$/.test(value) ? value : ADMIN_PATH;
}

/**
 * The publishing server: sign-in, sessions, /admin/ with Decap on the proxy backend, the CMS API
 * over git, and (optionally) the built site.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { settings } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: settings.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  await app.register(cookie);
  await app.register(formbody);

  const accounts = new AccountStore(settings.accountsPath);
  const sessions = new SessionStore(
    settings.sessionIdleMinutes * 60_000,
    settings.sessionMaxHours * 3_600_000,
  );
  const lockout = new Lockout(settings.lockout);
  const store = new GitStore(settings.repoPath);
  const api = new CmsApi({
    store,
    branch: settings.branch,
    contentFolder: CONTENT_FOLDER,
    mediaFolder: MEDIA_FOLDER,
    emailDomain: settings.authorEmailDomain,
    onMainCommit: options.releases ? (commit) => options.releases?.onMainCommit(commit) : undefined,
    log: {
      info: (message) => app.log.info(message),
      warn: (message) => app.log.warn(message),
      error: (message) => app.log.error(message),
    },
    today: options.today,
  });
  const name = siteName(settings.repoPath);

  const protocol = (request: FastifyRequest) => (settings.trustProxy ? request.protocol : 'http');
  const secure = (request: FastifyRequest) =>
    settings.secureCookies === 'always' ||
    (settings.secureCookies === 'auto' && protocol(request) === 'https');

  const refusedOrigin = (request: FastifyRequest) =>
    originRefusal(
      {
        method: request.method,
        host: request.headers.host,
        origin: request.headers.origin,
        secFetchSite: request.headers['sec-fetch-site'],
        protocol: protocol(request),
      },
      settings.publicOrigin,
    );

  /** The signed-in person, or undefined (expired, signed out, account disabled or changed). */
  const currentUser = (request: FastifyRequest): { user: SessionUser; key: string } | undefined => {
    const session = sessions.touch(request.cookies[SESSION_COOKIE]);
    if (!session) return undefined;
    const account = accounts.active(session.login);
    if (!account || account.updated !== session.accountStamp) {
      sessions.endKey(session.key);
      return undefined;
    }
    return { user: toSessionUser(account), key: session.key };
  };

  const sessionKeys = new WeakMap<FastifyRequest, string>();

  // Every route under /api/ (the releases side's too): same-origin and signed in, or refused.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    reply.header('cache-control', 'no-store');
    const refused = refusedOrigin(request);
    if (refused) return reply.code(403).send({ error: refused });
    const current = currentUser(request);
    if (!current) {
      return reply.code(401).send({ error: '没有登录或登录已过期，请刷新页面重新登录' });
    }
    request.user = current.user;
    sessionKeys.set(request, current.key);
  });

  const html = (reply: FastifyReply, body: string, status = 200) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .send(body);

  const assets: Record<string, [string, string]> = {
    'signin.css': ['text/css; charset=utf-8', SIGNIN_CSS],
    'signin.js': ['text/javascript; charset=utf-8', SIGNIN_JS],
    'admin-bar.css': ['text/css; charset=utf-8', ADMIN_BAR_CSS],
  };
  app.get<{ Params: { file: string } }>('/server-assets/:file', async (request, reply) => {
    const asset = assets[request.params.file];
    if (!asset) return reply.code(404).send('');
    return reply
      .header('content-type', asset[0])
      .header('cache-control', 'no-cache')
      .send(asset[1]);
  });

  app.get<{ Querystring: { next?: string; out?: string } }>('/login', async (request, reply) => {
    const next = safeNext(request.query.next);
    if (currentUser(request)) return reply.redirect(next, 303);
    return html(
      reply,
      signInPage({
        siteName: name,
        next,
        ...(request.query.out ? { notice: '已退出登录。' } : {}),
      }),
    );
  });

  app.post<{ Body: { login?: unknown; password?: unknown; next?: unknown } }>(
    '/login',
    async (request, reply) => {
      const next = safeNext(request.body?.next);
      const refused = refusedOrigin(request);
      if (refused) return html(reply, messagePage('无法登录', refused), 403);
      const login =
        typeof request.body?.login === 'string' ? request.body.login.trim().toLowerCase() : '';
      const password = typeof request.body?.password === 'string' ? request.body.password : '';
      const address = request.ip;
      const again = (message: string, status: number) =>
        html(reply, signInPage({ siteName: name, next, login, message }), status);
      const locked = lockout.lockedMinutes(login, address);
      if (locked > 0) {
        lockout.failAddress(address);
        return again(`输错次数太多，已暂时锁定。请 ${locked} 分钟后再试。`, 429);
      }
      const account = login ? accounts.active(login) : undefined;
      const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
      if (!account || !ok || !password) {
        const wait = lockout.fail(login, address);
        await sleep(wait);
        const nowLocked = lockout.lockedMinutes(login, address);
        // A password typed into the login field must not reach the log: only real logins are named.
        app.log.warn(`登录失败：${account ? login : '（不存在的登录名）'}，来自 ${address}`);
        return nowLocked > 0
          ? again(`输错次数太多，已暂时锁定。请 ${nowLocked} 分钟后再试。`, 429)
          : again('登录名或密码不正确。', 401);
      }
      lockout.succeed(login);
      const token = sessions.create(account.login, account.updated);
      app.log.info(`${account.login} 已登录，来自 ${address}`);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secure(request),
        maxAge: settings.sessionMaxHours * 3600,
      });
      return reply.redirect(next, 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    const refused = refusedOrigin(request);
    if (refused) return html(reply, messagePage('无法退出', refused), 403);
    const current = currentUser(request);
    if (current) api.forget(current.key);
    sessions.end(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: secure(request),
    });
    return reply.redirect('/login?out=1', 303);
  });

  const serveAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
    const current = currentUser(request);
    if (!current) return reply.redirect(`/login?next=${encodeURIComponent(ADMIN_PATH)}`, 302);
    const file = settings.sitePath ? await findSiteFile(settings.sitePath, ADMIN_PATH) : undefined;
    if (!file) {
      return html(
        reply,
        messagePage(
          '内容管理还没有准备好',
          '网站还没有构建：请负责网站的同志先运行 npm run build，或检查设置里的 siteDir。',
        ),
        503,
      );
    }
    const page = await readFile(file, 'utf8');
    const body = withServerBackend(page, settings.branch)
      .replace('</head>', '<link rel="stylesheet" href="/server-assets/admin-bar.css"></head>')
      .replace('</body>', `${adminBar(current.user)}</body>`);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .send(body);
  };
  app.get(ADMIN_PATH.slice(0, -1), serveAdmin);
  app.get(ADMIN_PATH, serveAdmin);
  app.get(`${ADMIN_PATH}index.html`, serveAdmin);

  app.post(API_PATH, { bodyLimit: 64 * 1024 * 1024 }, async (request, reply) => {
    const user = request.user as SessionUser;
    const parsed = asCmsRequest(request.body);
    if (!parsed) return reply.code(400).send({ error: '请求格式不正确' });
    try {
      const decision = await prepareWrite(parsed, {
        repoRoot: settings.repoPath,
        contentFolder: CONTENT_FOLDER,
        mediaFolder: MEDIA_FOLDER,
        ...(options.today ? { today: options.today() } : {}),
      });
      if (!decision.ok) {
        app.log.warn(`已拒绝 ${user.login} 的 ${parsed.action}：${decision.message}`);
        return reply
          .code(decision.status)
          .send({ error: decision.message, problems: decision.problems });
      }
      const { action, params } = decision.request;
      const result = await api.handle(action, params, user, sessionKeys.get(request) ?? '');
      const warnings = saveWarningsHeader(decision.warnings);
      if (warnings) reply.header(SAVE_WARNINGS_HEADER, warnings);
      return reply.code(200).send(result ?? null);
    } catch (error) {
      if (error instanceof CmsError) {
        if (error.status !== 404)
          app.log.warn(`已拒绝 ${user.login} 的 ${parsed.action}：${error.message}`);
        return reply.code(error.status).send({ error: error.message });
      }
      app.log.error(error instanceof Error ? error.message : String(error));
      return reply
        .code(500)
        .send({ error: '服务器出错了，没有保存。请稍后再试，或联系负责网站的同志' });
    }
  });

  app.get('/api/session', async (request) => request.user);

  if (options.releases?.plugin) await app.register(options.releases.plugin);

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: '没有这个接口' });
    if ((request.method === 'GET' || request.method === 'HEAD') && settings.sitePath) {
      const path = request.url.split('?')[0] ?? '/';
      const file = await findSiteFile(settings.sitePath, path);
      if (file) return sendSiteFile(reply, file, path);
      const missing = await findSiteFile(settings.sitePath, '/404.html');
      if (missing) return sendSiteFile(reply, missing, '/404.html', 404);
    }
    return html(reply, messagePage('找不到页面', '这个网址没有内容。'), 404);
  });

  return app;
}

/** The built admin page, pointed at this server: proxy backend, same origin, editorial workflow. */
export function withServerBackend(page: string, branch: string): string {
  return page.replace(
    /(<script[^>]*id="cms-config"[^>]*>)([\s\S]*?)(<\/script>)/,
    (_match, open: string, json: string, close: string) => {
      const config = JSON.parse(json) as Record<string, unknown>;
      const choice = resolveBackend({ name: 'proxy', proxy_url: API_PATH, branch }, {});
      config.backend = choice.backend;
      config.publish_mode = 'editorial_workflow';
      delete config.local_backend;
      return `${open}${JSON.stringify(config).replace(/</g, '\\u003c')}${close}`;
    },
  );
}
