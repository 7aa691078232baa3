import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../session-user.ts';
import { ReleaseError, type ReleaseManager } from './manager.ts';
import { RELEASE_PAGE_CSP, releasePage } from './release-page.ts';
import { RELEASE_TEXT } from './release-text.ts';

function userOf(request: FastifyRequest): SessionUser | undefined {
  return (request as FastifyRequest & { user?: SessionUser }).user;
}

function wantsPage(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  return (
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
  );
}

/**
 * The releases routes under /api/releases: `GET /status` (for the CMS), `GET /` (status and
 * record as JSON), `GET /page` (发布记录), `POST /:id/rollback` (reviewers only). The server's
 * hook has already refused foreign origins and anonymous requests; rollback checks the role again.
 */
export function releasesPlugin(manager: ReleaseManager): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onClose', async () => manager.stop());
    await app.register(
      async (routes) => {
        routes.addHook('onRequest', async (request, reply) => {
          reply.header('cache-control', 'no-store');
          if (!userOf(request)) return reply.code(401).send({ error: RELEASE_TEXT.signIn });
        });

        const page = (reply: FastifyReply, user: SessionUser, notice?: string, code = 200) =>
          reply
            .code(code)
            .header('content-type', 'text/html; charset=utf-8')
            .header('content-security-policy', RELEASE_PAGE_CSP)
            .header('x-frame-options', 'DENY')
            .send(
              releasePage({
                status: manager.status(),
                releases: manager.releases(),
                history: manager.liveHistory(),
                user,
                ...(notice ? { notice } : {}),
              }),
            );

        routes.get('/status', async () => {
          const { live, building, lastFailure, ...rest } = manager.status();
          const brief = (release: typeof live) =>
            release && {
              id: release.id,
              commit: release.commit,
              startedAt: release.startedAt,
              ...(release.error ? { error: release.error } : {}),
            };
          return {
            ...rest,
            live: brief(live),
            building: brief(building),
            lastFailure: brief(lastFailure),
          };
        });

        routes.get('/', async () => ({
          status: manager.status(),
          releases: manager.releases(),
          history: manager.liveHistory(),
        }));

        routes.get('/page', async (request, reply) => page(reply, userOf(request)!));

        routes.post<{ Params: { id: string } }>('/:id/rollback', async (request, reply) => {
          const user = userOf(request)!;
          try {
            const release = manager.rollback(request.params.id, user);
            if (wantsPage(request)) return reply.redirect('/api/releases/page', 303);
            return { ok: true, live: release.id };
          } catch (error) {
            if (!(error instanceof ReleaseError)) throw error;
            if (wantsPage(request)) return page(reply, user, error.message, error.statusCode);
            return reply.code(error.statusCode).send({ error: error.message });
          }
        });
      },
      { prefix: '/api/releases' },
    );
  };
}
