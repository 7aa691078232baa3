import type { MainCommit, MainCommitEntry } from '../releases-hook.ts';

export type { MainCommit };
export type PublishedEntry = MainCommitEntry;
export type PublishAction = MainCommitEntry['action'];

/** Who did something, as kept in the release record (no role: it may change later). */
export interface Person {
  login: string;
  name: string;
}

/** One publish that a release carries (several publishes may share one build). */
export interface Publish {
  commit: string;
  at: string;
  author: Person | null;
  entries: PublishedEntry[];
}

export type BuildState = 'building' | 'succeeded' | 'failed';

export interface ReleaseRecord {
  /** Also the release folder's name: 20261130-203512-abc1234 */
  id: string;
  commit: string;
  state: BuildState;
  /** 'startup': the server found the live site missing or behind the branch. */
  trigger: 'publish' | 'startup';
  publishes: Publish[];
  startedAt: string;
  finishedAt?: string;
  buildMs?: number;
  /** CPU time of the build process (Astro; Pagefind runs in a process of its own). */
  buildCpuMs?: number;
  /** Why the build failed, in Chinese, for the CMS. */
  error?: string;
  /** The end of the build's output, for whoever looks into a failure. */
  logTail?: string;
  /** Stopped by a restart, not by the content: the next start builds the commit again. */
  interrupted?: boolean;
  /** Its folder was removed to save space: it can no longer be put back. */
  removed?: boolean;
}

/** Each time the live site changed: a finished build or a rollback. */
export interface LiveEvent {
  at: string;
  releaseId: string;
  kind: 'build' | 'rollback';
  by?: Person;
}

export interface ReleaseLog {
  releases: ReleaseRecord[];
  live: LiveEvent[];
}
