import type { FastifyPluginAsync } from 'fastify';
import type { SessionUser } from './session-user.ts';

/** One content file that changed on the main branch, as the CMS named it. */
export interface MainCommitEntry {
  /** Path relative to the repository, e.g. content/notices/2026-03-15-tingshui.md */
  path: string;
  /** The entry's title (or a contact's name) when the server knows it. */
  title?: string;
  action: 'publish' | 'unpublish' | 'delete';
}

/** What the server reports after each successful commit to the main branch. */
export interface MainCommit {
  /** The new commit on the main branch (40 hex digits). */
  commit: string;
  /** The signed-in person who published, unpublished or deleted. */
  author: SessionUser;
  entries: MainCommitEntry[];
}

/**
 * What the releases side gives the publishing server: told of every commit to main (rebuild,
 * switch live, record), and optionally a Fastify plugin with its own routes. Routes under `/api/`
 * run after the server's auth hook, so `request.user` is always set there.
 */
export interface ReleasesHook {
  onMainCommit(commit: MainCommit): void | Promise<void>;
  plugin?: FastifyPluginAsync;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every route under /api/ (anonymous requests are refused before the handler). */
    user?: SessionUser;
  }
}
