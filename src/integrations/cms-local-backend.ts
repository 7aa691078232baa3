import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';
import { LOCAL_BACKEND_PATH, SAVE_WARNINGS_HEADER } from '../cms/names.ts';
import { decapBackendPackages, decapWidgetPackages } from '../cms/decap-packages.ts';
import { refusal } from '../cms/local-guard.ts';
import {
  asCmsRequest,
  prepareWrite,
  saveWarningsHeader,
  type WriteContext,
} from '../cms/write-path.ts';
import { localRepo } from '../cms/local-repo.ts';
import type { SiteConfig } from '../lib/site-config.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
interface ExpressApp extends Handler {
  use(...args: unknown[]): unknown;
}

const CMS_DEPENDENCIES = [
  'decap-cms-core',
  'decap-cms-core/dist/esm/formats/frontmatter',
  'decap-cms-locales/dist/esm/zh_Hans',
  ...decapWidgetPackages,
  // The body editor (src/cms/body-editor/).
  '@tiptap/core',
  '@tiptap/pm/model',
  '@tiptap/starter-kit',
  '@tiptap/extension-image',
  '@tiptap/extension-table',
  'hast-util-from-html',
  'hast-util-to-mdast',
  'mdast-util-to-markdown',
  'mdast-util-from-markdown',
  'mdast-util-gfm',
  'micromark-extension-gfm',
  ...decapBackendPackages,
  'react',
  'react-dom',
  // Loaded on demand by the 网址名 field; listed so the dev server does not reload the page for it.
  'pinyin-pro',
];

const MOUNT = LOCAL_BACKEND_PATH.replace(/\/api\/v1$/, '');
/** Several phone photos saved with one entry, base64-encoded; each is held to its own limit. */
const BODY_LIMIT = 64 * 1024 * 1024;

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT)
        reject(
          new Error('一次上传的图片太大：请用微信发送时不要勾选“原图”，或一次少放几张照片，再保存'),
        );
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        resolve(null);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, message: string, extra: object = {}) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ error: message, ...extra }));
}

/**
 * Decap's local backend (decap-server's own express middlewares) inside the Astro dev server, so
 * `npm start` gives a CMS that edits the files here with no account. It answers loopback Host
 * headers only and touches only the content and media folders. `git`: save as commits (decap-server's
 * git mode); `enabled: false` where Astro's config is loaded for something else (vitest).
 */
export function cmsLocalBackend(options: {
  site: SiteConfig;
  enabled: boolean;
  git: boolean;
}): AstroIntegration {
  return {
    name: 'cms-local-backend',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev' || !options.enabled) return;
        // Pre-bundle the CMS's lazily loaded parts too, so the first visit to /admin/ does not
        // hit Vite's "outdated optimize dep" reload.
        updateConfig({
          vite: {
            // Own dependency cache: builds and test runners re-optimising the shared one would
            // invalidate the modules a running CMS has already loaded.
            cacheDir: 'node_modules/.vite/astro-dev',
            optimizeDeps: { include: CMS_DEPENDENCIES },
            // Test and benchmark output is not the site: rebuilding it must not reload the CMS.
            server: { watch: { ignored: ['**/tests/.output/**', '**/bench/.work/**'] } },
          },
        });
      },
      'astro:server:setup': async ({ server, logger }) => {
        if (!options.enabled) return;
        const root = server.config.root;
        const local = localRepo(root, options.site.contentDir);
        const allowed = [local.contentFolder, local.mediaFolder];
        const writeContext: WriteContext = {
          repoRoot: local.repoPath,
          contentFolder: local.contentFolder,
          mediaFolder: local.mediaFolder,
          siteRoot: root,
          // A fixed day (SITE_TODAY) for the date checks; otherwise today at each save.
          ...(options.site.today ? { today: options.site.today } : {}),
        };
        const requireFromServer = createRequire(
          createRequire(import.meta.url).resolve('decap-server/package.json'),
        );
        const express = requireFromServer('express') as () => ExpressApp;
        const middlewares = requireFromServer('./dist/middlewares.js') as Record<
          'registerLocalFs' | 'registerLocalGit',
          (app: ExpressApp, options: { logLevel: string }) => Promise<void>
        >;
        const app = express();
        const { git } = options;
        // decap-server takes its repository folder only from the environment, read while registering.
        const previous = process.env.GIT_REPO_DIRECTORY;
        process.env.GIT_REPO_DIRECTORY = local.repoPath;
        try {
          await middlewares[git ? 'registerLocalGit' : 'registerLocalFs'](app, {
            logLevel: 'warn',
          });
        } finally {
          if (previous === undefined) delete process.env.GIT_REPO_DIRECTORY;
          else process.env.GIT_REPO_DIRECTORY = previous;
        }
        server.middlewares.use(MOUNT, (req, res, next) => {
          void (async () => {
            if (req.method !== 'POST') {
              send(res, 405, '只接受 POST 请求');
              return;
            }
            const body = await readJson(req);
            const refused = refusal(
              { host: req.headers.host, origin: req.headers.origin, body },
              { allowed },
            );
            if (refused) {
              logger.warn(`已拒绝内容管理请求：${refused.message}`);
              send(res, refused.status, refused.message);
              return;
            }
            const decision = await prepareWrite(asCmsRequest(body)!, writeContext);
            if (!decision.ok) {
              logger.warn(`已拒绝保存：${decision.message}`);
              send(res, decision.status, decision.message, { problems: decision.problems });
              return;
            }
            for (const warning of decision.warnings)
              logger.warn(
                `保存提醒：${warning.field ? `${warning.field}：` : ''}${warning.message}`,
              );
            const warnings = saveWarningsHeader(decision.warnings);
            if (warnings) res.setHeader(SAVE_WARNINGS_HEADER, warnings);
            // Hand the prepared body on; body-parser skips requests marked as read.
            Object.assign(req, { body: { ...(body as object), ...decision.request }, _body: true });
            app(req, res, next);
          })().catch((error: unknown) =>
            send(
              res,
              (error as { status?: number }).status ?? 500,
              error instanceof Error ? error.message : '请求无法读取',
            ),
          );
        });
        logger.info(
          `本机内容管理：http://localhost:${server.config.server.port}/admin/（${git ? 'git 模式，保存即提交' : '直接写文件'}，只写 ${allowed.join('、')}）`,
        );
      },
    },
  };
}
