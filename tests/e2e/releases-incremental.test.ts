import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/html-pages';
import { ReleaseManager } from '../../src/server/releases/manager.ts';
import { cloneSite, git } from './releases-repo';

// Publishes build incrementally in the manager's kept folder: these check that a page reused from
// the last build is never stale, whatever of its inputs changed.
const repo = cloneSite('releases-incremental-repo-');
const dataDir = mkdtempSync(join(tmpdir(), 'releases-incremental-data-'));
const reviewer = { login: 'zhang', name: '张书记', role: 'reviewer' as const };
let manager: ReleaseManager;

function newManager(today: string): ReleaseManager {
  return new ReleaseManager({
    repoDir: repo,
    dataDir,
    buildEnv: { SITE_TODAY: today },
    log: () => {},
  });
}

/** Commits changed files to main and publishes them as the server would, then waits for the build. */
async function publish(files: Record<string, string>, message: string): Promise<void> {
  for (const [path, text] of Object.entries(files)) writeFileSync(join(repo, path), text);
  git(repo, 'add', ...Object.keys(files));
  git(repo, 'commit', '--quiet', '-m', message);
  manager.onMainCommit({
    commit: git(repo, 'rev-parse', 'HEAD'),
    author: reviewer,
    entries: Object.keys(files).map((path) => ({ path, action: 'publish' as const })),
  });
  await manager.idle();
  expect(manager.status().state).toBe('live');
}

const live = (path: string) => readFileSync(join(manager.liveDir, path), 'utf8');

/** Whether a build since `time` rendered the page: Astro's page cache keeps each page it renders. */
const renderedSince = (page: string, time: number) =>
  statSync(join(dataDir, 'work/node_modules/.astro/dist', page)).mtimeMs >= time;

/** What the build folder holds (path and git blob hash), besides installed packages and caches. */
function workFiles(): string[] {
  const work = join(dataDir, 'work');
  return readdirSync(work, { recursive: true, encoding: 'utf8' })
    .filter(
      (path) => !/^(node_modules|\.astro|\.cwd-[^/]*)(\/|$)|^\.build-(commit|output)$/.test(path),
    )
    .filter((path) => statSync(join(work, path)).isFile())
    .map((path) => {
      const data = readFileSync(join(work, path));
      const blob = createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
      return `${blob} ${path}`;
    })
    .sort();
}

/** The same for the branch's newest commit. */
function commitFiles(): string[] {
  return git(repo, 'ls-tree', '-r', 'HEAD')
    .split('\n')
    .map((line) => {
      const [info, path] = line.split('\t') as [string, string];
      return `${info.split(' ')[2]} ${path}`;
    })
    .sort();
}

beforeAll(async () => {
  manager = newManager('2026-11-28');
  await manager.start();
  await manager.idle();
  expect(manager.status().state).toBe('live');
});

afterAll(async () => {
  await manager?.stop();
  for (const dir of [repo, dataDir]) rmSync(dir, { recursive: true, force: true });
});

describe('incremental publishing', { timeout: 300_000 }, () => {
  it('keeps the build folder and its page cache between publishes', () => {
    expect(existsSync(join(dataDir, 'work/node_modules/.astro/incremental-build.json'))).toBe(true);
  });

  it('updates the build folder to exactly the files of each commit', async () => {
    const removed = 'content/notices/2026-11-20-yibao-jiaofei-tongzhi.md';
    const liveBefore = realpathSync(manager.liveDir);
    const kept = readFileSync(join(repo, removed), 'utf8');
    git(repo, 'rm', '--quiet', removed);
    await publish(
      {
        'content/notices/2026-11-29-xin-tian.md':
          '---\ntitle: 新添的通知\ndate: 2026-11-28\nsummary: 新添的通知的摘要。\n---\n\n新添的通知的正文。\n',
      },
      '发布：新添一篇，删去一篇',
    );
    expect(workFiles()).toEqual(commitFiles());
    // The build started from the last one's pages: the deleted notice's went with it, 公众号版 too.
    expect(existsSync(join(manager.liveDir, 'notices/2026-11-20-yibao-jiaofei-tongzhi'))).toBe(
      false,
    );
    expect(existsSync(join(liveBefore, 'notices/2026-11-20-yibao-jiaofei-tongzhi'))).toBe(true);
    expect(live('notices/2026-11-29-xin-tian/index.html')).toContain('新添的通知');
    // Put back for the tests below.
    await publish({ [removed]: kept }, '发布：恢复医保通知');
    expect(workFiles()).toEqual(commitFiles());
  });

  it('an edited entry is live and correct, and its neighbours are unchanged', async () => {
    const path = 'content/notices/2026-11-16-dongji-xiaofang-jiancha.md';
    const before = live('notices/2026-11-20-yibao-jiaofei-tongzhi/index.html');
    const liveBefore = realpathSync(manager.liveDir);
    const edited = 'notices/2026-11-16-dongji-xiaofang-jiancha/index.html';
    const oldPage = readFileSync(join(liveBefore, edited), 'utf8');
    const text = readFileSync(join(repo, path), 'utf8')
      .replace(
        'title: 关于开展冬季消防安全入户检查的通知',
        'title: 关于开展冬季消防安全入户检查的通知（修订）',
      )
      .replace('入冬以来', '进入十二月以来');
    const published = Date.now();
    await publish({ [path]: text }, '发布：消防检查通知修订');
    const page = live('notices/2026-11-16-dongji-xiaofang-jiancha/index.html');
    expect(page).toContain('关于开展冬季消防安全入户检查的通知（修订）');
    expect(page).toContain('进入十二月以来');
    expect(page).not.toContain('入冬以来');
    expect(live('notices/2026-11-16-dongji-xiaofang-jiancha/wechat/index.html')).toContain(
      '进入十二月以来',
    );
    expect(live('notices/index.html')).toContain('关于开展冬季消防安全入户检查的通知（修订）');
    expect(live('notices/year/2026/index.html')).toContain(
      '关于开展冬季消防安全入户检查的通知（修订）',
    );
    // A year's list is rebuilt when an entry in it changes, and only then.
    expect(renderedSince('notices/year/2026/index.html', published)).toBe(true);
    expect(renderedSince('study/year/2026/index.html', published)).toBe(false);
    expect(live('notices/2026-11-20-yibao-jiaofei-tongzhi/index.html')).toBe(before);
    // Rendered again: the edited notice's pages. Its neighbour came from the last build's cache.
    expect(renderedSince('notices/2026-11-16-dongji-xiaofang-jiancha/index.html', published)).toBe(
      true,
    );
    expect(renderedSince('notices/2026-11-20-yibao-jiaofei-tongzhi/index.html', published)).toBe(
      false,
    );
    // The neighbour is the last release's file itself (linked, not copied), and writing the edited
    // page replaced its link: the last release, still there to roll back to, is as it was.
    const neighbour = 'notices/2026-11-20-yibao-jiaofei-tongzhi/index.html';
    expect(statSync(join(manager.liveDir, neighbour)).ino).toBe(
      statSync(join(liveBefore, neighbour)).ino,
    );
    expect(readFileSync(join(liveBefore, edited), 'utf8')).toBe(oldPage);
    expect(oldPage).not.toContain('进入十二月以来');
  });

  it('changing site settings updates every page', async () => {
    const path = 'content/settings/site.yml';
    const settings = readFileSync(join(repo, path), 'utf8');
    const before = realpathSync(manager.liveDir);
    expect(settings).toContain('phone: "0310-3016601"');
    await publish(
      {
        [path]: settings
          .replace('name: 桥北社区党支部', 'name: 桥北新村党支部')
          .replace('phone: "0310-3016601"', 'phone: "0310-3016699"'),
      },
      '发布：站点设置',
    );
    // Every page that showed the branch's name: the header, footer and titles come from settings.
    const pages = htmlFiles(before).filter((page) =>
      readFileSync(join(before, page), 'utf8').includes('桥北社区党支部'),
    );
    expect(pages.length).toBeGreaterThan(40);
    const named = pages.filter((page) => live(page).includes('桥北新村党支部'));
    expect(pages.filter((page) => !named.includes(page))).toEqual([]);
    expect(
      pages.filter((page) => /^(notices|reports|study)\/[^/]+\/index\.html$/.test(page)).length,
    ).toBeGreaterThan(5);
    expect(live('index.html')).toContain('0310-3016699');
  });

  it('a new day puts a notice past its closing date, on its own page too', async () => {
    const page = 'notices/2026-11-25-dangyuan-minzhu-pingyi/index.html';
    expect(live(page)).not.toContain('已截止');
    expect(listItem(live('notices/year/2026/index.html'), '党员民主评议')).not.toContain('已截止');
    await manager.stop();
    manager = newManager('2026-12-25');
    await manager.start();
    await manager.idle();
    await publish(
      { 'content/notices/2026-11-20-yibao-jiaofei-tongzhi.md': withOneMoreLine() },
      '发布：医保通知',
    );
    expect(live(page)).toContain('已截止');
    expect(listItem(live('notices/year/2026/index.html'), '党员民主评议')).toContain('已截止');
  });
});

/** The list item (card) of a list page whose title contains `title`. */
function listItem(page: string, title: string): string {
  return page.split('<li').find((item) => item.includes(title)) ?? '';
}

/** The medical insurance notice with one more line, so the day's build has a publish to start it. */
function withOneMoreLine(): string {
  const path = join(repo, 'content/notices/2026-11-20-yibao-jiaofei-tongzhi.md');
  return `${readFileSync(path, 'utf8')}\n如有疑问，请在每周三接待时间咨询。\n`;
}
