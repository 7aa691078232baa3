import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  PASSWORDS,
  addTeam,
  approveAndPublish,
  git,
  gone,
  http,
  makeRepo,
  notice,
  runServerToExit,
  saveNotice,
  startServer,
  users,
  writeSettings,
  type RunningServer,
} from './server-harness';

/** The publishing server over HTTP: roles, attacks, authors, concurrency, crashes. */

const work = mkdtempSync(join(tmpdir(), 'server-api-'));
let repo = '';
let settingsFile = '';
let server: RunningServer;
let origin = '';
const PORT = 4450;

const mainFile = (path: string) => {
  try {
    return git(repo, 'show', `main:${path}`);
  } catch {
    return undefined;
  }
};

beforeAll(async () => {
  repo = makeRepo(work);
  settingsFile = writeSettings(work, {
    repo,
    accounts: join(work, 'data/accounts.json'),
    siteDir: '',
    port: PORT,
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('启动', () => {
  it('没有账号时不启动，并说明怎样添加账号', async () => {
    const { code, output } = await runServerToExit(settingsFile);
    expect(code).toBe(1);
    expect(output).toContain('还没有可用的账号');
    expect(output).toContain('npm run users -- add');
  });

  it('只在指定的地址和端口监听（--host/--port，或 HOST/PORT）', async () => {
    addTeam(settingsFile);
    expect(readFileSync(join(work, 'data/accounts.json'), 'utf8')).not.toContain(PASSWORDS.lisi);
    const canConnect = (host: string, port: number) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    const byArgs = await startServer(settingsFile, ['--host', '127.0.0.1', '--port', '4451']);
    try {
      expect(byArgs.origin).toBe('http://127.0.0.1:4451');
      expect(await canConnect('127.0.0.1', 4451)).toBe(true);
      // 127.0.0.2 is this machine too, but not the address it was told to use.
      expect(await canConnect('127.0.0.2', 4451)).toBe(false);
      expect(await canConnect('127.0.0.1', PORT)).toBe(false);
    } finally {
      await byArgs.stop();
    }
    const byEnv = await startServer(settingsFile, [], { HOST: '127.0.0.2', PORT: '4452' });
    try {
      expect(await canConnect('127.0.0.2', 4452)).toBe(true);
      expect(await canConnect('127.0.0.1', 4452)).toBe(false);
    } finally {
      await byEnv.stop();
    }
    server = await startServer(settingsFile);
    origin = server.origin;
    expect(origin).toBe(`http://127.0.0.1:${PORT}`);
  }, 120_000);
});

describe('拒绝不该接受的请求', () => {
  it('没有登录、来源是别的网站、缺少 Origin：拒绝并用中文说明', async () => {
    const anonymous = new Client(origin, 'lisi');
    const noSession = await anonymous.api('entriesByFolder', {
      folder: 'content/notices',
      extension: 'md',
      depth: 1,
    });
    expect(noSession.status).toBe(401);
    expect(noSession.json.error).toContain('没有登录');

    const editor = new Client(origin, 'lisi');
    expect((await editor.signIn()).status).toBe(303);
    const foreign = await editor.api(
      'getEntry',
      { path: 'content/settings/site.yml' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.json.error).toContain('拒绝来自其他网站');

    const noOrigin = await http(`${origin}/api/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: editor.cookie },
      body: JSON.stringify({
        action: 'getEntry',
        params: { branch: 'main', path: 'content/settings/site.yml' },
      }),
    });
    expect(noOrigin.status).toBe(403);
    expect(JSON.parse(noOrigin.text).error).toContain('缺少 Origin');

    const madeUp = await http(`${origin}/api/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie: 'dzb_session=forged' },
      body: '{"action":"info"}',
    });
    expect(madeUp.status).toBe(401);

    // Signing in from another site's page (login CSRF) is refused too.
    const crossSite = await http(`${origin}/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: `login=lisi&password=${PASSWORDS.lisi}`,
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers['set-cookie']).toBeUndefined();
  });

  it('../、绝对路径、content/ 和 public/uploads/ 以外的路径：一律拒绝，仓库不变', async () => {
    const reviewer = new Client(origin, 'zhangsj');
    await reviewer.signIn();
    const before = git(repo, 'rev-parse', 'main');
    const attempts: [string, Record<string, unknown>][] = [
      ['getEntry', { path: '../../etc/passwd' }],
      ['getEntry', { path: '/etc/passwd' }],
      ['getEntry', { path: 'content/../package.json' }],
      ['entriesByFolder', { folder: '.git', extension: '', depth: 3 }],
      [
        'persistMedia',
        {
          asset: { path: 'package.json', content: 'eA==', encoding: 'base64' },
          options: { commitMessage: 'x' },
        },
      ],
      [
        'persistMedia',
        {
          asset: { path: '/tmp/x.png', content: 'eA==', encoding: 'base64' },
          options: { commitMessage: 'x' },
        },
      ],
      ['deleteFile', { path: '.git/hooks/pre-commit', options: { commitMessage: 'x' } }],
      [
        'deleteFiles',
        { paths: ['content/notices/../../src/pages/index.astro'], options: { commitMessage: 'x' } },
      ],
      [
        'persistEntry',
        {
          dataFiles: [{ slug: 'x', path: 'src/pages/x.astro', raw: 'x' }],
          assets: [],
          options: {
            collectionName: 'notices',
            commitMessage: 'x',
            useWorkflow: true,
            status: 'draft',
          },
        },
      ],
      [
        'persistEntry',
        {
          dataFiles: [
            { slug: 'x', path: 'content/notices/x.md', raw: notice('x'), newPath: '../x.md' },
          ],
          assets: [],
          options: {
            collectionName: 'notices',
            commitMessage: 'x',
            useWorkflow: true,
            status: 'draft',
          },
        },
      ],
    ];
    for (const [action, params] of attempts) {
      const reply = await reviewer.api(action, params);
      expect(reply.status, `${action} ${JSON.stringify(params)}`).toBeGreaterThanOrEqual(400);
      expect(reply.status, `${action} ${JSON.stringify(params)}`).toBeLessThan(500);
      expect(reply.json.error, action).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(git(repo, 'rev-parse', 'main')).toBe(before);
    expect(git(repo, 'for-each-ref', 'refs/heads/cms/')).toBe('');
    expect(existsSync(join(repo, 'src/pages/x.astro'))).toBe(false);
  });
});

describe('编辑写稿、提交审核，审核人发布', () => {
  it('每次保存都是署名的提交；编辑不能审核通过、发布、删除已发布内容', async () => {
    const editor = new Client(origin, 'lisi');
    const reviewer = new Client(origin, 'zhangsj');
    await editor.signIn();
    await reviewer.signIn();
    const slug = '2026-12-01-tingshui';
    const path = `content/notices/${slug}.md`;
    expect((await saveNotice(editor, slug, notice('停水通知', '12月2日上午停水。'))).status).toBe(
      200,
    );
    expect(mainFile(path)).toBeUndefined();
    const submitted = await editor.api('updateUnpublishedEntryStatus', {
      collection: 'notices',
      slug,
      newStatus: 'pending_review',
    });
    expect(submitted.status).toBe(200);

    const approve = await editor.api('updateUnpublishedEntryStatus', {
      collection: 'notices',
      slug,
      newStatus: 'pending_publish',
    });
    expect(approve.status).toBe(403);
    expect(approve.json.error).toContain('审核');
    const publish = await editor.api('publishUnpublishedEntry', { collection: 'notices', slug });
    expect(publish.status).toBe(403);
    expect(publish.json.error).toContain('只有“审核”角色');
    const direct = await editor.api('persistEntry', {
      dataFiles: [{ slug: 'zhijie', path: 'content/notices/zhijie.md', raw: notice('直接发布') }],
      assets: [],
      options: { collectionName: 'notices', commitMessage: 'x', useWorkflow: false, status: '' },
    });
    expect(direct.status).toBe(403);
    const remove = await editor.api('deleteFiles', {
      paths: ['content/notices/2026-09-01-zhongqiu.md'],
      options: { commitMessage: 'x' },
    });
    expect(remove.status).toBe(403);
    expect(mainFile(path)).toBeUndefined();

    const published = await approveAndPublish(reviewer, slug);
    expect(published.status, JSON.stringify(published.json)).toBe(200);
    expect(mainFile(path)).toContain('12月2日上午停水。');
    // The working tree follows main: the checkout shows the published file.
    expect(readFileSync(join(repo, path), 'utf8')).toContain('12月2日上午停水。');
    expect(git(repo, 'status', '--porcelain', '--', 'content')).toBe('');

    const log = git(repo, 'log', '--format=%an <%ae>|%s', 'main', '-4').split('\n');
    expect(log).toEqual([
      '张书记 <zhangsj@dangzhibu.invalid>|发布通知公告 停水通知',
      '张书记 <zhangsj@dangzhibu.invalid>|审核通过 通知公告 停水通知',
      '李四 <lisi@dangzhibu.invalid>|提交审核 通知公告 停水通知',
      '李四 <lisi@dangzhibu.invalid>|新建通知公告 停水通知',
    ]);
    expect(git(repo, 'for-each-ref', 'refs/heads/cms/')).toBe('');
  });

  it('编辑在条目里插入图片：图片随条目保存到审核分支，发布后才进 main；假图片被拒绝', async () => {
    const editor = new Client(origin, 'lisi');
    const reviewer = new Client(origin, 'zhangsj');
    await editor.signIn();
    await reviewer.signIn();
    const photo = new PNG({ width: 40, height: 30 });
    photo.data.fill(180);
    const slug = '2026-12-02-tupian';
    const raw = notice('带图片的通知', '![党员志愿者在小区劝导文明停车](/uploads/zhiyuan.png)');
    const png = {
      path: 'public/uploads/zhiyuan.png',
      content: PNG.sync.write(photo).toString('base64'),
      encoding: 'base64',
    };
    const fake = {
      ...png,
      content: Buffer.from('<html><script>alert(1)</script></html>').toString('base64'),
    };
    const refused = await saveNotice(editor, slug, raw, [fake]);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.json.error).toMatch(/[\u4e00-\u9fff]/);
    expect(git(repo, 'for-each-ref', `refs/heads/cms/notices/${slug}`)).toBe('');

    const saved = await saveNotice(editor, slug, raw, [png]);
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const onBranch = git(
      repo,
      'ls-tree',
      '-r',
      '--name-only',
      `cms/notices/${slug}`,
      '--',
      'public/uploads',
    );
    expect(onBranch).toMatch(/public\/uploads\/.*\.png/);
    expect(git(repo, 'ls-tree', '-r', '--name-only', 'main', '--', 'public/uploads')).not.toMatch(
      /\.png/,
    );
    const direct = await editor.api('persistMedia', {
      asset: png,
      options: { commitMessage: 'x' },
    });
    expect(direct.status).toBe(403);
    expect((await approveAndPublish(reviewer, slug)).status).toBe(200);
    expect(git(repo, 'ls-tree', '-r', '--name-only', 'main', '--', 'public/uploads')).toMatch(
      /public\/uploads\/.*\.png/,
    );
  });

  it('保存成功但有提醒（草稿里的图片还没上传）：提醒随回应带回内容管理', async () => {
    const editor = new Client(origin, 'lisi');
    await editor.signIn();
    const raw = notice('草稿通知', '![还没上传的图片](/uploads/hai-mei-shangchuan.png)').replace(
      '---\n\n',
      'draft: true\n---\n\n',
    );
    const saved = await saveNotice(editor, '2026-12-03-caogao', raw);
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const header = saved.headers['x-cms-warnings'];
    expect(typeof header).toBe('string');
    const warnings = JSON.parse(decodeURIComponent(header as string)) as { message: string }[];
    expect(warnings.map((w) => w.message).join('\n')).toContain('hai-mei-shangchuan.png');
  });

  it('发布前做内容检查：会让构建失败的内容不发布，用检查自己的中文说明', async () => {
    const editor = new Client(origin, 'lisi');
    const reviewer = new Client(origin, 'zhangsj');
    await editor.signIn();
    await reviewer.signIn();
    const study = (month: string) =>
      `---\ntitle: ${month} 学习\nissue: 90\nmonth: ${month}\ndate: ${month}-01\nsummary: 学习要点。\n---\n\n## 要点\n\n学习内容。\n`;
    for (const month of ['2027-01', '2027-02']) {
      const saved = await editor.api('persistEntry', {
        dataFiles: [{ slug: month, path: `content/study/${month}.md`, raw: study(month) }],
        assets: [],
        options: {
          collectionName: 'study',
          commitMessage: 'x',
          useWorkflow: true,
          status: 'pending_review',
        },
      });
      expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    }
    expect((await approveAndPublish(reviewer, '2027-01', 'study')).status).toBe(200);
    const before = git(repo, 'rev-parse', 'main');
    const refused = await approveAndPublish(reviewer, '2027-02', 'study');
    expect(refused.status).toBe(422);
    expect(refused.json.error).toContain('内容检查没有通过，没有发布');
    expect(refused.json.error).toContain('content/study/2027-02.md');
    expect(refused.json.error).toContain('期号');
    expect(git(repo, 'rev-parse', 'main')).toBe(before);
    expect(mainFile('content/study/2027-02.md')).toBeUndefined();
    // Still waiting on its branch: nothing is lost.
    expect(git(repo, 'for-each-ref', '--format=%(refname)', 'refs/heads/cms/')).toContain(
      'cms/study/2027-02',
    );
  }, 60_000);
});

describe('不丢内容', () => {
  it('两位编辑同时改不同的条目：都保存，都发布（重复 3 次）', async () => {
    const lisi = new Client(origin, 'lisi');
    const wangwu = new Client(origin, 'wangwu');
    const reviewer = new Client(origin, 'zhangsj');
    await Promise.all([lisi.signIn(), wangwu.signIn(), reviewer.signIn()]);
    for (let round = 1; round <= 3; round++) {
      const a = `2026-12-1${round}-lisi`;
      const b = `2026-12-1${round}-wangwu`;
      const saved = await Promise.all([
        saveNotice(lisi, a, notice(`李四的通知${round}`)),
        saveNotice(wangwu, b, notice(`王五的通知${round}`)),
      ]);
      expect(saved.map((r) => r.status)).toEqual([200, 200]);
      const published = await Promise.all([
        approveAndPublish(reviewer, a),
        approveAndPublish(reviewer, b),
      ]);
      expect(
        published.map((r) => r.status),
        JSON.stringify(published.map((r) => r.json)),
      ).toEqual([200, 200]);
      expect(mainFile(`content/notices/${a}.md`)).toContain(`李四的通知${round}`);
      expect(mainFile(`content/notices/${b}.md`)).toContain(`王五的通知${round}`);
    }
    const authors = git(repo, 'log', '--format=%an', 'main', '--', 'content/notices').split('\n');
    expect(authors.filter((a) => a === '李四').length).toBeGreaterThanOrEqual(3);
    expect(authors.filter((a) => a === '王五').length).toBeGreaterThanOrEqual(3);
  }, 90_000);

  it('两人改同一条目：后保存的人被拒绝并得到说明，先保存的内容不被覆盖', async () => {
    const lisi = new Client(origin, 'lisi');
    const wangwu = new Client(origin, 'wangwu');
    await Promise.all([lisi.signIn(), wangwu.signIn()]);
    const path = 'content/notices/2026-12-01-tingshui.md';
    await lisi.api('getEntry', { path });
    await wangwu.api('getEntry', { path });
    const slug = '2026-12-01-tingshui';
    expect(
      (await saveNotice(wangwu, slug, notice('停水通知', '王五改：停水改到12月3日。'))).status,
    ).toBe(200);
    const stale = await saveNotice(lisi, slug, notice('停水通知', '李四改：停水取消。'));
    expect(stale.status).toBe(409);
    expect(stale.json.error).toContain('已被 王五 修改');
    expect(git(repo, 'show', `cms/notices/${slug}:${path}`)).toContain('王五改');

    // After reading the new version, the same person's save goes through.
    const reread = await lisi.api('unpublishedEntryDataFile', {
      collection: 'notices',
      slug,
      path,
      id: 'x',
    });
    expect(String(reread.json.data)).toContain('王五改');
    expect(
      (await saveNotice(lisi, slug, notice('停水通知', '李四改：停水改到12月3日上午。'))).status,
    ).toBe(200);

    // A new entry whose name someone else has just taken is refused too.
    const taken = await saveNotice(wangwu, '2026-12-11-lisi', notice('抢同名'));
    expect(taken.status).toBe(409);
  });

  it('保存或发布到一半时服务器被强行结束：main 分支和工作区都完整，重启后一切还在（重复 6 次）', async () => {
    await server.stop();
    // A publish takes about 1–2 s here (the content checks): kills land before, during and after it.
    const outcomes = new Set<string>();
    const delays = [100, 500, 900, 1300, 1800, 3000];
    for (const [round, delay] of delays.entries()) {
      server = await startServer(settingsFile);
      const editor = new Client(origin, 'lisi');
      const reviewer = new Client(origin, 'zhangsj');
      await Promise.all([editor.signIn(), reviewer.signIn()]);
      const slug = `2026-12-2${round}-kill`;
      const path = `content/notices/${slug}.md`;
      expect(
        (await saveNotice(editor, slug, notice(`第${round}次`, '长正文。'.repeat(2000)))).status,
      ).toBe(200);
      await reviewer.api('updateUnpublishedEntryStatus', {
        collection: 'notices',
        slug,
        newStatus: 'pending_publish',
      });
      const mainBefore = git(repo, 'rev-parse', 'main');
      const inFlight = [
        reviewer
          .api('publishUnpublishedEntry', { collection: 'notices', slug })
          .catch(() => undefined),
        saveNotice(editor, `${slug}-b`, notice(`第${round}次另一篇`)).catch(() => undefined),
      ];
      await new Promise((resolve) => setTimeout(resolve, delay));
      server.process.kill('SIGKILL');
      await Promise.all(inFlight);
      await server.stop();
      expect(gone(server.process.pid ?? 0)).toBe(true);

      const mainAfter = git(repo, 'rev-parse', 'main');
      const onMain = mainFile(path);
      const onBranch = git(repo, 'for-each-ref', `refs/heads/cms/notices/${slug}`);
      // Either published whole or still waiting on its branch: never half, never gone.
      if (mainAfter === mainBefore) {
        outcomes.add('waiting');
        expect(onMain).toBeUndefined();
        expect(onBranch).not.toBe('');
      } else {
        outcomes.add('published');
        expect(onMain).toContain('长正文。'.repeat(2000));
      }
      expect(git(repo, 'fsck', '--no-dangling', '--no-progress')).toBe('');

      server = await startServer(settingsFile);
      // The restart brings the working tree up to main.
      expect(git(repo, 'status', '--porcelain', '--', 'content', 'public')).toBe('');
      const files = git(repo, 'ls-files', 'content');
      expect(files).not.toMatch(/\.tmp$/m);
      await server.stop();
    }
    expect(outcomes.has('published')).toBe(true);
    expect(outcomes.has('waiting')).toBe(true);

    // The narrowest moment: main moved, the working tree not yet. A restart catches it up.
    const path = 'content/notices/2026-12-01-tingshui.md';
    const main = git(repo, 'rev-parse', 'main');
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: repo,
      input: notice('停水通知', '崩溃前发布的版本。'),
    })
      .toString()
      .trim();
    const index = join(work, 'crash-index');
    const env = { ...process.env, GIT_INDEX_FILE: index };
    execFileSync('git', ['read-tree', main], { cwd: repo, env });
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], {
      cwd: repo,
      env,
    });
    const tree = execFileSync('git', ['write-tree'], { cwd: repo, env }).toString().trim();
    const commit = git(
      repo,
      '-c',
      'user.name=张书记',
      '-c',
      'user.email=z@x',
      'commit-tree',
      tree,
      '-p',
      main,
      '-m',
      '发布',
    );
    git(repo, 'update-ref', 'refs/heads/main', commit, main);
    expect(git(repo, 'status', '--porcelain', '--', 'content')).not.toBe('');
    server = await startServer(settingsFile);
    expect(git(repo, 'status', '--porcelain', '--', 'content')).toBe('');
    expect(readFileSync(join(repo, path), 'utf8')).toContain('崩溃前发布的版本。');
  }, 240_000);
});

describe('登录', () => {
  it('会话 cookie：HttpOnly、SameSite=Strict，https 后面加 Secure；退出登录和停用账号立即失效', async () => {
    const editor = new Client(origin, 'lisi');
    const reply = await editor.signIn();
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await editor.api('info')).status).toBe(200);
    const out = await http(`${origin}/logout`, {
      method: 'POST',
      headers: { origin, cookie: editor.cookie },
    });
    expect(out.status).toBe(303);
    expect((await editor.api('info')).status).toBe(401);

    const wangwu = new Client(origin, 'wangwu');
    await wangwu.signIn();
    expect((await wangwu.api('info')).status).toBe(200);
    users(settingsFile, ['disable', 'wangwu']);
    expect((await wangwu.api('info')).status).toBe(401);
    expect((await wangwu.signIn()).status).toBe(401);
    users(settingsFile, ['enable', 'wangwu']);

    const wrong = await new Client(origin, 'lisi').signIn('not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('登录名或密码不正确');
    const unknown = await new Client(origin, 'nobody' as 'lisi').signIn('not-the-password');
    expect(unknown.status).toBe(401);
    expect(unknown.text).toContain('登录名或密码不正确');

    // A password typed into the login field by mistake is not logged either.
    await new Client(origin, 'Mistyped-Secret-2026' as 'lisi').signIn('x');
    // No password or session token in the server's log.
    for (const secret of [
      ...Object.values(PASSWORDS),
      editor.cookie.split('=')[1] ?? 'x',
      'mistyped-secret-2026',
    ]) {
      expect(server.output()).not.toContain(secret);
    }
  });

  it('连续输错锁定账号和地址，提示不透露登录名是否存在', async () => {
    const settings = writeSettings(join(work, 'lock'), {
      repo,
      accounts: join(work, 'data/accounts.json'),
      siteDir: '',
      port: 4453,
      trustProxy: true,
      lockout: { accountFailures: 3, addressFailures: 6, minutes: 1 },
    });
    const locked = await startServer(settings);
    try {
      const from = (address: string, login: 'lisi' | 'zhangsj' | 'nobody', password: string) =>
        http(`${locked.origin}/login`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: locked.origin,
            'x-forwarded-for': address,
          },
          body: new URLSearchParams({ login, password }).toString(),
        });
      const answers: string[] = [];
      for (const login of ['lisi', 'nobody'] as const) {
        for (let i = 0; i < 3; i++)
          answers.push((await from(`10.0.${i}.1`, login, 'wrong-password')).text);
        const after = await from('10.0.9.9', login, login === 'lisi' ? PASSWORDS.lisi : 'x');
        expect(after.status, login).toBe(429);
        expect(after.text).toContain('已暂时锁定');
      }
      // An existing and a made-up login get the same answers.
      expect(answers.slice(0, 3).map((t) => /登录名或密码不正确|已暂时锁定/.exec(t)?.[0])).toEqual(
        answers.slice(3).map((t) => /登录名或密码不正确|已暂时锁定/.exec(t)?.[0]),
      );
      for (let i = 0; i < 6; i++) await from('10.9.0.1', 'nobody', `guess-${i}`);
      const fromAttacker = await from('10.9.0.1', 'zhangsj', PASSWORDS.zhangsj);
      expect(fromAttacker.status).toBe(429);
      const fromOffice = await from('10.9.0.2', 'zhangsj', PASSWORDS.zhangsj);
      expect(fromOffice.status).toBe(303);
      expect(String(fromOffice.headers['set-cookie'])).not.toMatch(/Secure/);

      // Behind Caddy or nginx on https the cookie is Secure.
      const https = locked.origin.replace('http:', 'https:');
      const behindTls = await http(`${locked.origin}/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: https,
          'x-forwarded-proto': 'https',
          'x-forwarded-for': '10.9.0.3',
        },
        body: new URLSearchParams({ login: 'zhangsj', password: PASSWORDS.zhangsj }).toString(),
      });
      expect(behindTls.status).toBe(303);
      expect(String(behindTls.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await locked.stop();
    }
  }, 60_000);
});
