import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSiteFile } from '../../src/server/static-site';

describe('serving the built site', () => {
  const root = mkdtempSync(join(tmpdir(), 'server-static-'));
  const release = join(root, 'release-1');
  mkdirSync(join(release, 'notices'), { recursive: true });
  writeFileSync(join(release, 'index.html'), 'home');
  writeFileSync(join(release, 'notices/index.html'), 'notices');
  writeFileSync(join(root, 'secret.txt'), 'not part of the site');
  symlinkSync(join(root, 'secret.txt'), join(release, 'leak.txt'));
  // The releases side points a `current` symlink at the live release.
  symlinkSync(release, join(root, 'current'));
  const site = join(root, 'current');

  it('finds pages by their URL, through the live symlink', async () => {
    expect(await findSiteFile(site, '/')).toBe(join(release, 'index.html'));
    expect(await findSiteFile(site, '/notices/')).toBe(join(release, 'notices/index.html'));
    expect(await findSiteFile(site, '/notices')).toBe(join(release, 'notices/index.html'));
    expect(await findSiteFile(site, '/notices/?q=1')).toBe(join(release, 'notices/index.html'));
  });

  it('never serves a file outside the site folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/leak.txt',
      '/%00',
      '/%E0%A4%A',
      '/missing.html',
    ]) {
      expect(await findSiteFile(site, path), path).toBeUndefined();
    }
    expect(await findSiteFile(join(root, 'nothing-here'), '/')).toBeUndefined();
  });
});
