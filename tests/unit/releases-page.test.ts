import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { ReleaseStatus } from '../../src/server/releases/manager.ts';
import { releasePage } from '../../src/server/releases/release-page.ts';
import type { ReleaseRecord } from '../../src/server/releases/types.ts';

const evil = '<img src=x onerror=alert(1)>';
const release = (id: string, extra: Partial<ReleaseRecord> = {}): ReleaseRecord => ({
  id,
  commit: `${id.slice(-7)}000`,
  state: 'succeeded',
  trigger: 'publish',
  startedAt: '2026-11-30T12:20:00Z',
  buildMs: 12_345,
  publishes: [
    {
      commit: 'x',
      at: '2026-11-30T12:20:00Z',
      author: { login: 'zhang', name: `张书记${evil}` },
      entries: [{ path: 'content/notices/a.md', title: `停水${evil}`, action: 'publish' }],
    },
  ],
  ...extra,
});
const live = release('20261130-122000-bbbbbbb');
const old = release('20261130-110000-ccccccc');
const failed = release('20261130-123000-aaaaaaa', {
  state: 'failed',
  error: `content/notices/a.md 第 3 行：${evil}`,
  logTail: evil,
});
const status: ReleaseStatus = {
  state: 'failed',
  message: `更新失败：${failed.error}`,
  live,
  waiting: [],
  lastFailure: failed,
  backups: [],
  uploads: [],
};

function render(role: 'editor' | 'reviewer') {
  return releasePage({
    status,
    releases: [failed, live, old],
    history: [],
    user: { login: 'u', name: '用户', role },
  });
}

describe('发布记录', () => {
  it('shows everything an editor typed as text, never as markup', () => {
    const html = render('reviewer');
    expect(html).not.toContain(evil);
    const $ = load(html);
    expect($('img')).toHaveLength(0);
    expect($('.status').text()).toBe(`更新失败：content/notices/a.md 第 3 行：${evil}`);
    expect($('section.release').first().text()).toContain(`发布：停水${evil}`);
  });

  it('offers rollback only to reviewers and only for earlier successful releases', () => {
    const $ = load(render('reviewer'));
    const forms = $('form');
    expect(forms).toHaveLength(1);
    expect(forms.attr('action')).toBe(`/api/releases/${old.id}/rollback`);
    expect(load(render('editor'))('form')).toHaveLength(0);
  });
});
