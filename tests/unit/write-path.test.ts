import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { prepareWrite, type CmsRequest, type WriteContext } from '@/cms/write-path';
import {
  HTML_PAGE,
  RENAMED_EXE,
  SVG_ONLOAD,
  ZIP_ARCHIVE,
  phonePhoto,
  smallPng,
} from '../fixtures/uploads/bad-uploads';

const repoRoot = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'write-path-'));
const context: WriteContext = {
  repoRoot: work,
  contentFolder: 'content',
  mediaFolder: 'public/uploads',
  today: '2026-12-02',
  siteRoot: repoRoot,
};

beforeEach(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(join(repoRoot, 'content'), join(work, 'content'), { recursive: true });
  mkdirSync(join(work, 'public/uploads'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const media = (path: string, bytes: Buffer): CmsRequest => ({
  action: 'persistMedia',
  params: {
    branch: 'main',
    asset: { path, content: bytes.toString('base64'), encoding: 'base64' },
    options: { commitMessage: 'upload' },
  },
});

const entry = (path: string, raw: string, assets: { path: string; bytes: Buffer }[] = []) => ({
  action: 'persistEntry',
  params: {
    branch: 'main',
    dataFiles: [{ slug: path.replace(/^.*\/|\.md$/g, ''), path, raw }],
    assets: assets.map((a) => ({
      path: a.path,
      content: a.bytes.toString('base64'),
      encoding: 'base64',
    })),
    options: {},
  },
});

const assetOf = (request: CmsRequest) => request.params.asset as { path: string; content: string };

const study = (issue: number, month: string, extra = '', body = '## 学习要点\n\n认真学习。\n') =>
  `---\ntitle: 冬季学习\nissue: ${issue}\nmonth: ${month}\ndate: ${month}-01\nsummary: 本期学习党章。\n${extra}---\n\n${body}`;

describe('路径规则', () => {
  it('只读写内容和媒体文件夹', async () => {
    for (const path of [
      'package.json',
      '.git/hooks/pre-commit',
      'content/../src/x.ts',
      '/etc/passwd',
    ])
      for (const request of [
        media(path, HTML_PAGE),
        { action: 'getEntry', params: { path } },
        { action: 'deleteFile', params: { path, options: {} } },
      ]) {
        const decision = await prepareWrite(request, context);
        expect(decision.ok, `${request.action} ${path}`).toBe(false);
        if (!decision.ok) expect(decision.message).toContain('只能读写');
      }
    expect(
      (
        await prepareWrite(
          { action: 'getMedia', params: { mediaFolder: 'public/uploads' } },
          context,
        )
      ).ok,
    ).toBe(true);
  });

  it('图片只能上传到媒体文件夹，内容只能是 content 里的 .md/.yml', async () => {
    const intoContent = await prepareWrite(media('content/study/a.png', await smallPng()), context);
    expect(intoContent.ok).toBe(false);
    const page = await prepareWrite(entry('public/uploads/x.md', 'x'), context);
    expect(page.ok).toBe(false);
    const html = await prepareWrite(entry('content/study/x.html', 'x'), context);
    expect(html.ok).toBe(false);
  });
});

describe('上传规则', () => {
  it.each([
    ['evil.html', HTML_PAGE, '网页'],
    ['evil.svg', SVG_ONLOAD, 'SVG'],
    ['photo.jpg', RENAMED_EXE, '程序'],
    ['photos.zip', ZIP_ARCHIVE, '压缩包'],
    ['empty.png', Buffer.alloc(0), '不是图片'],
  ])('拒绝 %s：按内容识别，中文说明', async (name, bytes, kind) => {
    const decision = await prepareWrite(media(`public/uploads/${name}`, bytes), context);
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.status).toBe(422);
    expect(decision.message).toContain(`“${name}”不是图片`);
    expect(decision.message).toContain(kind);
    expect(decision.message).toContain('JPG、PNG、WebP、GIF');
  });

  it('照片去掉 GPS、手机型号和拍摄者，方向转正', async () => {
    const photo = await phonePhoto();
    expect(await exifr.gps(photo)).toBeTruthy();
    const decision = await prepareWrite(media('public/uploads/visit.jpg', photo), context);
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    const cleaned = Buffer.from(assetOf(decision.request).content, 'base64');
    expect(await exifr.parse(cleaned, true)).toBeUndefined();
    const meta = await sharp(cleaned).metadata();
    expect([meta.width, meta.height, meta.orientation, meta.exif, meta.xmp]).toEqual([
      600,
      800,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('中文文件名换成可读的拼音，不重名，不会变成空名', async () => {
    const png = await smallPng();
    const names: string[] = [];
    for (const name of ['微信图片_20261201093015.png', '封面.png', '.png']) {
      const decision = await prepareWrite(media(`public/uploads/${name}`, png), context);
      expect(decision.ok).toBe(true);
      if (decision.ok) names.push(assetOf(decision.request).path);
    }
    expect(names).toEqual([
      'public/uploads/weixin-tupian-20261201093015.png',
      'public/uploads/fengmian.png',
      'public/uploads/tupian.png',
    ]);
    writeFileSync(join(work, 'public/uploads/fengmian.png'), await smallPng(10, 10));
    const again = await prepareWrite(media('public/uploads/封面.png', png), context);
    expect(again.ok && assetOf(again.request).path).toBe('public/uploads/fengmian-2.png');
    // The same picture uploaded again keeps its name.
    writeFileSync(
      join(work, 'public/uploads/fengmian.png'),
      Buffer.from(assetOf(again.ok ? again.request : media('', png)).content, 'base64'),
    );
    const same = await prepareWrite(media('public/uploads/封面.png', png), context);
    expect(same.ok && assetOf(same.request).path).toBe('public/uploads/fengmian.png');
  });

  it('条目里上传的中文名图片改名后，条目引用的是新名字', async () => {
    const raw = study(
      7,
      '2026-12',
      'cover: /uploads/微信图片_20261201093015.jpg\ncoverAlt: 学习现场\n',
    );
    const decision = await prepareWrite(
      entry('content/study/2026-12.md', raw, [
        { path: 'public/uploads/微信图片_20261201093015.jpg', bytes: await phonePhoto() },
      ]),
      context,
    );
    expect(decision.ok, decision.ok ? '' : decision.message).toBe(true);
    if (!decision.ok) return;
    const params = decision.request.params as {
      dataFiles: { raw: string }[];
      assets: { path: string }[];
    };
    expect(params.assets.map((a) => a.path)).toEqual([
      'public/uploads/weixin-tupian-20261201093015.jpg',
    ]);
    expect(params.dataFiles[0]?.raw).toContain(
      'cover: /uploads/weixin-tupian-20261201093015.jpg\n',
    );
  });
});

describe('保存前检查', () => {
  it('正文里有身份证号和手机号：拒绝保存，指出“正文”和打码写法', async () => {
    const raw = study(
      7,
      '2026-12',
      '',
      '## 帮扶\n\n走访王某某，电话 13812345678，身份证 110101199003074518。\n',
    );
    const decision = await prepareWrite(entry('content/study/2026-12.md', raw), context);
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.status).toBe(422);
    expect(decision.message).toMatch(/^没有保存/);
    expect(decision.message).toContain('正文：');
    expect(decision.message).toContain('138****5678');
    expect(decision.message).not.toMatch(/第 \d+ 行/);
    expect(decision.problems.every((p) => p.field === '正文')).toBe(true);
    expect(existsSync(join(work, 'content/study/2026-12.md'))).toBe(false);
  });

  it('期号重复：拒绝保存，指出“期号”', async () => {
    const decision = await prepareWrite(
      entry('content/study/2026-12.md', study(6, '2026-12')),
      context,
    );
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.problems[0]?.field).toBe('期号');
    expect(decision.message).toContain('期号：期号 6 重复');
  });

  it('同一个月第二期（CMS 会存成 2026-10-1.md）：拒绝保存，指出“月份”', async () => {
    const decision = await prepareWrite(
      entry('content/study/2026-10-1.md', study(9, '2026-10')),
      context,
    );
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.problems.map((p) => p.field)).toEqual(['月份']);
    expect(decision.message).toContain(
      '月份 2026-10 已经有一期学习园地：第 6 期（content/study/2026-10.md）',
    );
  });

  it('标题空着：字段用内容管理里的名字', async () => {
    const raw = study(7, '2026-12').replace('title: 冬季学习', 'title: ""');
    const decision = await prepareWrite(entry('content/study/2026-12.md', raw), context);
    expect(!decision.ok && decision.problems.map((p) => p.field)).toEqual(['标题']);
  });

  it('正确的条目可以保存；草稿里缺的图片只是提醒', async () => {
    expect(
      (await prepareWrite(entry('content/study/2026-12.md', study(7, '2026-12')), context)).ok,
    ).toBe(true);
    const draft = study(7, '2026-12', 'cover: /uploads/none.jpg\ncoverAlt: 说明\ndraft: true\n');
    const decision = await prepareWrite(entry('content/study/2026-12.md', draft), context);
    expect(decision.ok).toBe(true);
    if (decision.ok) expect(decision.warnings.map((w) => w.field)).toContain('封面图片');
  });

  it('删除仍在使用的图片：拒绝，说明哪篇在用', async () => {
    const png = await smallPng();
    writeFileSync(join(work, 'public/uploads/fengmian.png'), png);
    const file = join(work, 'content/study/2026-10.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '---\n',
        '---\ncover: /uploads/fengmian.png\ncoverAlt: 封面\n',
      ),
    );
    const decision = await prepareWrite(
      { action: 'deleteFile', params: { path: 'public/uploads/fengmian.png', options: {} } },
      context,
    );
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.message).toContain('content/study/2026-10.md');
    const unused = await prepareWrite(
      { action: 'deleteFiles', params: { paths: ['public/uploads/other.png'], options: {} } },
      context,
    );
    expect(unused.ok).toBe(true);
  });
});
