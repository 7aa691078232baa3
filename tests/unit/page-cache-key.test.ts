import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  pageCacheKey,
  propsCacheKey,
  publicFileFingerprint,
  referencedFiles,
  type PageInputs,
} from '../../src/lib/page-cache-key.ts';

const publicDir = mkdtempSync(join(tmpdir(), 'page-key-'));
mkdirSync(join(publicDir, 'uploads'));
writeFileSync(join(publicDir, 'uploads/hui.jpg'), 'picture one');
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

const base: PageInputs = {
  entry: {
    id: '2026-11-16-xiaofang',
    digest: 'abc',
    body: '入户检查。\n\n![会场](/uploads/hui.jpg)\n',
    data: { title: '消防检查', cover: '/uploads/hui.jpg' },
  },
  settings: { name: '桥北社区党支部', phone: '0310-3016601' },
  today: '2026-11-28',
  fileFingerprint: (path) => publicFileFingerprint(publicDir, path),
};

describe('page cache keys', () => {
  it('finds the pictures an entry shows, once each', () => {
    expect(referencedFiles(base.entry)).toEqual(['/uploads/hui.jpg']);
    expect(referencedFiles({ id: 'x', body: '见（/uploads/%E5%9B%BE.png）。', data: {} })).toEqual([
      '/uploads/图.png',
    ]);
  });

  it('changes with the entry, the settings, the day and a picture, and only then', () => {
    const key = pageCacheKey(base);
    expect(pageCacheKey({ ...base })).toBe(key);
    expect(pageCacheKey({ ...base, entry: { ...base.entry, digest: 'abd' } })).not.toBe(key);
    expect(
      pageCacheKey({ ...base, settings: { name: '桥北社区党支部', phone: '0310-3016699' } }),
    ).not.toBe(key);
    expect(pageCacheKey({ ...base, today: '2026-11-29' })).not.toBe(key);
    writeFileSync(join(publicDir, 'uploads/hui.jpg'), 'picture two, a new size');
    expect(pageCacheKey(base)).not.toBe(key);
  });

  it('does not read outside the public folder', () => {
    expect(publicFileFingerprint(publicDir, '/../../etc/passwd')).toBeUndefined();
  });

  it('keys a list page by its props and the settings', () => {
    const props = { year: 2026, items: [{ title: '消防检查', badges: [] as string[] }] };
    const key = propsCacheKey(props, base.settings);
    expect(propsCacheKey(structuredClone(props), { ...(base.settings as object) })).toBe(key);
    const expired = { ...props, items: [{ title: '消防检查', badges: ['已截止'] }] };
    expect(propsCacheKey(expired, base.settings)).not.toBe(key);
    expect(propsCacheKey(props, { name: '桥北新村党支部', phone: '0310-3016601' })).not.toBe(key);
  });
});
