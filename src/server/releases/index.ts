/**
 * The releases side of the publishing server: every commit to the published branch is built in
 * its own folder and switched live atomically; 发布记录 and rollback under /api/releases.
 */
import type { ReleasesHook } from '../releases-hook.ts';
import type { ResolvedSettings } from '../settings.ts';
import { ReleaseManager } from './manager.ts';
import { releasesPlugin } from './plugin.ts';
import { resolveReleaseSettings } from './settings.ts';

export { ReleaseError, ReleaseManager } from './manager.ts';
export type { ReleaseManagerOptions, ReleaseStatus, SiteState } from './manager.ts';
export { releasesPlugin } from './plugin.ts';
export type { LiveEvent, MainCommit, Publish, ReleaseRecord } from './types.ts';

/** A started manager and its hook for the server, or undefined when `releases.enabled` is false. */
export async function createReleases(
  settings: ResolvedSettings,
  cwd = process.cwd(),
): Promise<(ReleasesHook & { manager: ReleaseManager }) | undefined> {
  const resolved = resolveReleaseSettings(settings.releases, settings.sitePath, cwd);
  if (!resolved) return undefined;
  const manager = new ReleaseManager({
    repoDir: settings.repoPath,
    branch: settings.branch,
    ...resolved,
  });
  await manager.start();
  return {
    manager,
    onMainCommit: (commit) => manager.onMainCommit(commit),
    plugin: releasesPlugin(manager),
  };
}
