/** `npm run serve`: the publishing server. */
import { existsSync, realpathSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createServer } from './app.ts';
import { AccountStore } from './accounts.ts';
import { gitText } from './git.ts';
import { GitStore } from './git-store.ts';
import { today } from '../lib/today.ts';
import type { ReleasesHook } from './releases-hook.ts';
import { DEFAULT_SETTINGS_FILE, loadSettings, type ResolvedSettings } from './settings.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The releases side, when it is there: rebuild on publish, switch live, record. */
async function loadReleases(settings: ResolvedSettings): Promise<ReleasesHook | undefined> {
  const entry = new URL('./releases/index.ts', import.meta.url);
  if (!existsSync(entry)) return undefined;
  const module = (await import(entry.href)) as {
    createReleases?: (settings: ResolvedSettings) => Promise<ReleasesHook> | ReleasesHook;
  };
  return module.createReleases ? await module.createReleases(settings) : undefined;
}

async function main() {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      settings: { type: 'string' },
    },
  });
  const file = values.settings ?? process.env.SERVER_SETTINGS;
  let settings: ResolvedSettings;
  try {
    settings = loadSettings(file ?? DEFAULT_SETTINGS_FILE, process.cwd(), Boolean(file));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const host = values.host ?? process.env.HOST ?? settings.host;
  const portText = values.port ?? process.env.PORT ?? String(settings.port);
  const port = Number(portText);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    fail(`端口“${portText}”不正确：应是 1–65535 的整数`);

  const active = new AccountStore(settings.accountsPath).all().filter((a) => !a.disabled);
  if (active.length === 0) {
    fail(
      `还没有可用的账号（${settings.accountsPath}），服务器不启动。先添加至少一个“审核”账号和一个“编辑”账号：\n` +
        `  read -rs PW && printf '%s' "$PW" | npm run users -- add zhangsj --name 张书记 --role reviewer --password-stdin\n` +
        `  read -rs PW && printf '%s' "$PW" | npm run users -- add lisi --name 李四 --role editor --password-stdin`,
    );
  }
  if (!active.some((a) => a.role === 'reviewer')) {
    console.warn('提醒：还没有“审核”账号，稿件可以提交审核，但没有人能发布。');
  }
  let top: string;
  try {
    top = await gitText(settings.repoPath, ['rev-parse', '--show-toplevel']);
  } catch {
    fail(`${settings.repoPath} 不是 git 仓库：设置里的 repo 应指向网站项目的 git 仓库`);
  }
  if (realpathSync(top) !== realpathSync(settings.repoPath)) {
    fail(`设置里的 repo 应是仓库的根文件夹 ${top}，而不是其中的子文件夹`);
  }
  const store = new GitStore(settings.repoPath);
  if (!(await store.resolve(`refs/heads/${settings.branch}`))) {
    fail(`仓库里没有 ${settings.branch} 分支（设置里的 branch）`);
  }
  // A save interrupted after the branch moved leaves the working tree behind: bring it up to date.
  const behind = (
    await gitText(settings.repoPath, [
      'diff',
      '--cached',
      '--name-only',
      `refs/heads/${settings.branch}`,
      '--',
      'content',
      'public',
    ])
  )
    .split('\n')
    .filter(Boolean);
  const skipped = await store.syncWorktree(`refs/heads/${settings.branch}`, behind);
  if (skipped.length > 0)
    console.warn(`提醒：工作区里这些文件有手工修改，和发布分支不同：${skipped.join('、')}`);
  if (settings.sitePath && !existsSync(settings.sitePath)) {
    console.warn(
      `提醒：网站文件夹 ${settings.sitePath} 还不存在，/admin/ 要等网站构建后才能打开（npm run build）`,
    );
  }

  const releases = await loadReleases(settings);
  // SITE_TODAY: check saves as of a fixed day, as a build made with it does.
  const fixedDay = process.env.SITE_TODAY;
  const app = await createServer({
    settings,
    releases,
    logger: { level: 'info' },
    today: () => today(new Date(), fixedDay),
  });
  const stop = async () => {
    // Requests in progress finish first (a save lands whole or not at all), but not forever.
    console.log('正在停止：等进行中的保存完成……');
    setTimeout(() => process.exit(0), 10_000).unref();
    await app.close();
    console.log('已停止。');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await app.listen({ host, port });
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(
    `发布服务器已启动：http://${shown}:${port}/admin/（内容仓库 ${settings.repoPath}，分支 ${settings.branch}，账号 ${active.length} 个${settings.sitePath ? `，网站 ${settings.sitePath}` : '，网站由 nginx/Caddy 提供'}）`,
  );
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
