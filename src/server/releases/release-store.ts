import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReleaseLog } from './types.ts';

/** The record keeps this many builds and live changes; older ones are dropped. */
const KEEP_RECORDS = 200;

/** The release record on disk (releases.json), so a restart knows what was built and what is live. */
export class ReleaseStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'releases.json');
  }

  load(): ReleaseLog {
    try {
      const log = JSON.parse(readFileSync(this.file, 'utf8')) as ReleaseLog;
      return { releases: log.releases ?? [], live: log.live ?? [] };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { releases: [], live: [] };
      throw new Error(`发布记录文件 ${this.file} 无法读取：${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** Written beside and renamed over, so a crash mid-write never leaves half a file. */
  save(log: ReleaseLog): void {
    const trimmed: ReleaseLog = {
      releases: log.releases.slice(-KEEP_RECORDS),
      live: log.live.slice(-KEEP_RECORDS),
    };
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(trimmed, null, 2)}\n`);
    renameSync(temp, this.file);
  }
}
