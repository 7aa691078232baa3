/**
 * A publishing server's release side in its own process, for the test that kills it mid-build:
 * `node releases-server-process.ts <repo> <dataDir>` starts the manager and waits.
 */
import { ReleaseManager } from '../../src/server/releases/manager.ts';

const [repoDir, dataDir] = process.argv.slice(2) as [string, string];
const manager = new ReleaseManager({
  repoDir,
  dataDir,
  buildEnv: { SITE_TODAY: '2026-11-28' },
  log: (line) => console.log(line),
});
await manager.start();
await manager.idle();
