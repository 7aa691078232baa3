import { createHash } from 'node:crypto';
import type { SessionUser } from '../session-user.ts';
import type { JobState } from './retrying-job.ts';
import type { ReleaseStatus } from './manager.ts';
import { sectionPath } from '../../lib/routes.ts';
import { formatBuildTime, formatReleaseTime } from './release-time.ts';
import type { LiveEvent, Publish, PublishAction, ReleaseRecord } from './types.ts';

const ACTION_LABELS: Record<PublishAction, string> = {
  publish: '发布',
  unpublish: '撤回',
  delete: '删除',
};

const CSS = `*{box-sizing:border-box}body{margin:0;font:18px/1.7 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#f6f6f4}
main{max-width:60rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
a{color:#0b4fa0}.status{padding:.75rem 1rem;border-radius:6px;border:2px solid #2e7d32;background:#eef7ee;font-weight:600}
.status.updating{border-color:#8a6d00;background:#fff8e1}.status.failed{border-color:#b3261e;background:#fdecea;color:#8c1d18}
.release{background:#fff;border:1px solid #d0d0d0;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
.release.live{border:2px solid #2e7d32}.release h3{font-size:1.05rem;margin:0}.meta{color:#444;margin:.25rem 0}
.badge{display:inline-block;padding:0 .5rem;border-radius:4px;font-size:.9rem;margin-left:.5rem;background:#e6e6e6}
.badge.live{background:#2e7d32;color:#fff}.badge.failed{background:#b3261e;color:#fff}.error{color:#8c1d18}
ul{margin:.25rem 0;padding-left:1.25rem}button{font:inherit;min-height:48px;padding:.25rem 1rem;border-radius:6px;border:1px solid #0b4fa0;background:#0b4fa0;color:#fff;cursor:pointer}
details pre{white-space:pre-wrap;font-size:.85rem;background:#f0f0f0;padding:.5rem;max-height:20rem;overflow:auto}
.notice{padding:.5rem 1rem;border-radius:6px;background:#fff;border:1px solid #0b4fa0}`;

/** The page's Content-Security-Policy: its one stylesheet by hash, no script at all. */
export const RELEASE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function authors(publishes: Publish[]): string {
  const names = [...new Set(publishes.map((p) => p.author?.name).filter(Boolean))];
  return names.length > 0 ? names.join('、') : '服务器（启动时按最新内容生成）';
}

function entryList(publishes: Publish[]): string {
  const items = publishes.flatMap((publish) =>
    publish.entries.map(
      (entry) =>
        `<li>${ACTION_LABELS[entry.action]}：${escapeHtml(entry.title ?? entry.path)}${entry.title ? `<span class="meta">（${escapeHtml(entry.path)}）</span>` : ''}</li>`,
    ),
  );
  return items.length > 0 ? `<ul>${items.join('')}</ul>` : '';
}

function releaseBlock(
  release: ReleaseRecord,
  liveId: string | undefined,
  user: SessionUser,
): string {
  const live = release.id === liveId;
  let badge = '';
  if (live) badge = '<span class="badge live">当前在线</span>';
  else if (release.state === 'building') badge = '<span class="badge">正在构建</span>';
  else if (release.state === 'failed') badge = '<span class="badge failed">构建失败</span>';
  else if (release.removed) badge = '<span class="badge">已清理</span>';
  const time =
    release.buildMs !== undefined ? `，构建用时 ${formatBuildTime(release.buildMs)}` : '';
  const failure =
    release.state === 'failed' && release.error
      ? `<p class="error">更新失败：${escapeHtml(release.error)}</p>${release.logTail ? `<details><summary>构建输出</summary><pre>${escapeHtml(release.logTail)}</pre></details>` : ''}`
      : '';
  const restorable = release.state === 'succeeded' && !release.removed && !live;
  const action =
    restorable && user.role === 'reviewer'
      ? `<form method="post" action="/api/releases/${release.id}/rollback"><button type="submit">恢复这个版本上线</button></form>`
      : '';
  return `<section class="release${live ? ' live' : ''}"><h3>${formatReleaseTime(release.startedAt)}${badge}</h3>
<p class="meta">发布人：${escapeHtml(authors(release.publishes))}；提交 ${release.commit.slice(0, 7)}${time}</p>${entryList(release.publishes)}${failure}${action}</section>`;
}

function liveLine(event: LiveEvent, releases: ReleaseRecord[]): string {
  const when = formatReleaseTime(event.at);
  const release = releases.find((candidate) => candidate.id === event.releaseId);
  const version = release
    ? `${formatReleaseTime(release.startedAt)} 生成的版本（提交 ${release.commit.slice(0, 7)}）`
    : `版本 ${escapeHtml(event.releaseId)}`;
  return event.kind === 'rollback'
    ? `<li>${when}：${escapeHtml(event.by?.name ?? '')}（${escapeHtml(event.by?.login ?? '')}）把 ${version}恢复上线（git 历史没有改动）</li>`
    : `<li>${when}：${version}构建完成并上线</li>`;
}

function jobLines(title: string, jobs: JobState[]): string {
  if (jobs.length === 0) return '';
  const items = jobs.map((job) => {
    const state = job.running
      ? '正在进行'
      : job.lastError
        ? `<span class="error">${escapeHtml(job.lastError)}</span>${job.nextRetryAt ? `，${formatReleaseTime(job.nextRetryAt)} 自动重试` : ''}`
        : job.lastOkAt
          ? `正常，最近一次 ${formatReleaseTime(job.lastOkAt)}`
          : '等待中';
    return `<li>${escapeHtml(job.name)}：${state}</li>`;
  });
  return `<h2>${title}</h2><ul>${items.join('')}</ul>`;
}

/** 发布记录: where publishing stands, the last releases, and one-click rollback for reviewers. */
export function releasePage(options: {
  status: ReleaseStatus;
  releases: ReleaseRecord[];
  history: LiveEvent[];
  user: SessionUser;
  notice?: string;
}): string {
  const { status, user } = options;
  const liveId = status.live?.id;
  const liveText = status.live
    ? `当前在线的是 ${formatReleaseTime(status.live.startedAt)} 生成的版本（提交 ${status.live.commit.slice(0, 7)}）${status.liveBy ? `，由 ${escapeHtml(status.liveBy.by?.name ?? '')} 于 ${formatReleaseTime(status.liveBy.at)} 恢复上线` : ''}。`
    : '';
  const waiting =
    status.waiting.length > 0
      ? `<p>还有 ${status.waiting.length} 次发布在排队，当前构建完成后一起生成。</p>`
      : '';
  const refresh = status.state === 'updating' ? '<meta http-equiv="refresh" content="5">' : '';
  const notice = options.notice
    ? `<p class="notice" role="alert">${escapeHtml(options.notice)}</p>`
    : '';
  const rollbackHelp =
    user.role === 'reviewer'
      ? '<p>“恢复这个版本上线”只切换网站，不改内容和 git 历史；之后再发布时，网站会按最新内容重新生成。</p>'
      : '<p>只有审核人可以把旧版本恢复上线。</p>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${refresh}<title>发布记录</title><style>${CSS}</style></head><body><main>
<p><a href="${sectionPath('admin')}">← 返回内容管理</a></p><h1>发布记录</h1>${notice}
<p class="status ${status.state}" role="status">${escapeHtml(status.message)}</p><p>${liveText}</p>${waiting}${rollbackHelp}
<h2>最近的版本</h2>${
    options.releases
      .slice(0, 30)
      .map((release) => releaseBlock(release, liveId, user))
      .join('\n') || '<p>还没有发布过。</p>'
  }
<h2>网站上线记录</h2><ul>${
    options.history
      .slice(0, 30)
      .map((event) => liveLine(event, options.releases))
      .join('') || '<li>还没有上线过。</li>'
  }</ul>
${jobLines('备份推送', status.backups)}${jobLines('静态空间上传', status.uploads)}
</main></body></html>`;
}
