import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frontmatterYAML } from 'decap-cms-core/dist/esm/formats/frontmatter';
import enPhrases from 'decap-cms-locales/dist/esm/en';
import zhHans from 'decap-cms-locales/dist/esm/zh_Hans';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntry } from '../../src/checks/read-entries';
import { validateEntry } from '../../src/checks/validate-entry';
import { resolveBackend } from '../../src/cms/backend';
import { decapConfig } from '../../src/cms/decap-config';
import { isOptional, shapeOf, type DecapField } from '../../src/cms/decap-fields';
import { completeLocale } from '../../src/cms/locale-zh-hans';
import { refusal } from '../../src/cms/local-guard';
import { localRepo } from '../../src/cms/local-repo';
import { URL_NAME } from '../../src/cms/names';
import { siteFormat } from '../../src/cms/site-format';
import { collectionDefinitions, type CollectionName } from '../../src/schemas/index';
import { REPORT_KINDS } from '../../src/schemas/reports';

const backend = resolveBackend({ name: 'github', repo: 'qiaobei/dangzhibu' }, {});
const config = decapConfig({ backend });
const byName = new Map(config.collections.map((c) => [c.name, c]));
const fieldsOf = (name: string): DecapField[] => {
  const collection = byName.get(name)!;
  return 'fields' in collection ? collection.fields : collection.files[0]!.fields;
};

/** A valid entry per collection, with every optional field filled. */
const complete: Record<CollectionName, Record<string, unknown>> = {
  notices: {
    title: '冬季消防检查',
    date: '2026-11-16',
    summary: '入冬前检查楼道。',
    pinned: true,
    expires: '2026-12-31',
    draft: false,
  },
  study: {
    title: '冬季学习',
    issue: 7,
    month: '2026-12',
    date: '2026-12-01',
    summary: '本期学习党章。',
    topics: ['党章学习', '冬季安全'],
    cover: '/uploads/cover.jpg',
    coverAlt: '党员学习党章',
    draft: false,
  },
  reports: {
    title: '走访报告',
    date: '2026-03-15',
    summary: '走访群众情况。',
    kind: '联系群众',
    author: '桥北社区党支部',
    figures: [{ label: '走访群众', value: 896, unit: '人次' }],
    draft: false,
  },
  contacts: {
    name: '王某某',
    role: '党支部书记',
    duties: '全面工作',
    phone: '13812345678',
    supervisionPhone: '0310-1234567',
    area: '1—5 号楼',
    households: 120,
    reception: '每周三上午',
    order: 1,
    photo: '/uploads/wang.jpg',
    photoAlt: '王某某的工作照',
  },
  settings: {
    name: '桥北社区党支部',
    parentOrg: '某某街道党工委',
    address: '某某路 1 号',
    phone: '0310-1234567',
    supervisionPhone: '0310-7654321',
    reception: '每周三 9:00—11:30',
    intro: '支部简介。',
    siteUrl: 'https://qiaobei.example.cn',
  },
  searchWords: {
    words: [{ everyday: '煤气', site: ['燃气'] }],
  },
};

const work = mkdtempSync(join(tmpdir(), 'cms-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('内容管理字段与 zod 模式一致', () => {
  for (const [name, definition] of Object.entries(collectionDefinitions)) {
    const collection = name as CollectionName;
    const schema = definition.schema;
    const shape = shapeOf(schema);
    const fields = fieldsOf(name);
    const dataFields = fields.filter((f) => f.name !== 'body' && f.name !== URL_NAME);

    it(`${definition.label}：字段名、顺序和必填与模式相同`, () => {
      expect(dataFields.map((f) => f.name)).toEqual(Object.keys(shape));
      expect(schema.safeParse(complete[collection]).success).toBe(true);
      // Required fields: the entry without one is rejected; optional ones: the entry with only
      // the required fields is accepted. Together, CMS required-ness equals the schema's.
      for (const field of dataFields.filter((f) => f.required)) {
        const without = { ...complete[collection] };
        delete without[field.name];
        expect(schema.safeParse(without).success, field.name).toBe(false);
      }
      const minimal = Object.fromEntries(
        dataFields.filter((f) => f.required).map((f) => [f.name, complete[collection][f.name]]),
      );
      expect(schema.safeParse(minimal).success).toBe(true);
      for (const field of dataFields) {
        expect(field.required, field.name).toBe(!isOptional(shape[field.name]!));
        expect(field.label.length, field.name).toBeGreaterThan(0);
      }
    });

    it(`${definition.label}：默认值、选项和格式规则来自模式`, () => {
      for (const field of dataFields) {
        const parsedDefault = (schema.safeParse({
          ...complete[collection],
          [field.name]: undefined,
        }).data ?? {}) as Record<string, unknown>;
        // An empty optional list is saved as no list at all (site-format drops it).
        const absent = Array.isArray(field.default) && field.default.length === 0 ? [] : undefined;
        if ('default' in field)
          expect(parsedDefault[field.name] ?? absent, field.name).toEqual(field.default);
        if (field.options) expect(field.options).toEqual([...REPORT_KINDS]);
        if (field.pattern) {
          const regex = new RegExp(field.pattern[0]);
          const good = complete[collection][field.name];
          expect(regex.test(String(good)), `${field.name} 接受有效值`).toBe(true);
          const bad = field.name.toLowerCase().includes('phone') ? '12345' : '2026-13';
          expect(regex.test(bad), `${field.name} 拒绝 ${bad}`).toBe(false);
          const result = schema.safeParse({ ...complete[collection], [field.name]: bad });
          expect(result.success).toBe(false);
          if (field.name.toLowerCase().includes('phone')) {
            // The CMS shows the same Chinese sentence the build would.
            expect(result.error?.issues.map((i) => i.message)).toContain(field.pattern[1]);
          }
        }
      }
    });

    if ('body' in definition) {
      it(`${definition.label}：正文用 richtext，按 Decap 的写法保存后通过内容检查`, () => {
        const body = fields.find((f) => f.name === 'body');
        expect(body?.widget).toBe('richtext');
        expect(body?.required).toBe(definition.body.required);
        // Empty optional fields and the CMS-only 网址名 are left out of the file.
        const draft: Record<string, unknown> = {
          ...complete[collection],
          [URL_NAME]: 'ce-shi',
          body: '## 第一节\n\n冬季取暖注意安全。\n',
        };
        for (const field of dataFields)
          if (!field.required && ['string', 'image'].includes(field.widget)) draft[field.name] = '';
        const raw = siteFormat(frontmatterYAML(), fields).toFile(
          draft,
          fields.map((f) => f.name),
        );
        expect(raw).not.toContain(URL_NAME);
        const folder = join(work, 'content', definition.folder);
        mkdirSync(folder, { recursive: true });
        const fileName = collection === 'study' ? '2026-12.md' : '2026-03-15-ce-shi.md';
        writeFileSync(join(folder, fileName), raw);
        const { entry, problems } = readEntry(work, collection, fileName);
        expect(problems).toEqual([]);
        const result = validateEntry(entry!);
        expect(result.problems).toEqual([]);
        expect(siteFormat(frontmatterYAML(), fields).fromFile(raw).body).toContain(
          '冬季取暖注意安全',
        );
      });
    }
  }

  it('新条目的文件名是可读的英文：学习园地用月份，报告用日期加网址名', () => {
    const slug = (name: string) => (byName.get(name) as { slug: string }).slug;
    expect(slug('study')).toBe('{{fields.month}}');
    expect(slug('reports')).toBe(`{{fields.date}}-{{fields.${URL_NAME}}}`);
    expect(config.slug).toEqual({
      encoding: 'ascii',
      clean_accents: true,
      sanitize_replacement: '-',
    });
    const urlName = fieldsOf('reports').find((f) => f.name === URL_NAME)!;
    const pattern = new RegExp(urlName.pattern![0]);
    expect(pattern.test('zhuti-dangri')).toBe(true);
    for (const bad of ['主题党日', '%E4%B8%BB', 'Zhuti', '-a', 'a--b', ''])
      expect(pattern.test(bad)).toBe(false);
  });

  it('日期是只有日期的字段，不带时区', () => {
    const date = fieldsOf('study').find((f) => f.name === 'date')!;
    expect(date).toMatchObject({ widget: 'date' });
  });
});

describe('中文界面', () => {
  const flat = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' ? flat(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  it('补全后的 zh_Hans 覆盖英文的每一条文字', () => {
    const complete = new Set(flat(completeLocale(zhHans)));
    const missing = flat(enPhrases).filter((key) => !complete.has(key));
    expect(missing).toEqual([]);
    expect(flat(enPhrases).filter((key) => !new Set(flat(zhHans)).has(key)).length).toBeGreaterThan(
      40,
    );
  });
});

describe('保存时前言照原样', () => {
  const fields = fieldsOf('study');
  const original = readFileSync(join(process.cwd(), 'content/study/2026-07.md'), 'utf8');

  it('只改正文：前言一字不差（引号、顺序都不变）', () => {
    const format = siteFormat(frontmatterYAML(), fields);
    const data = format.fromFile(original);
    const body = String(data.body).replace('重温入党誓词', '重温了入党誓词');
    const saved = format.toFile(
      { ...data, body },
      fields.map((f) => f.name),
    );
    expect(saved).toBe(original.replace('重温入党誓词', '重温了入党誓词'));
  });

  it('改一个字段：只有这一行变，其余行照原样', () => {
    const format = siteFormat(frontmatterYAML(), fields);
    const data = format.fromFile(original);
    const saved = format.toFile(
      { ...data, summary: '新的摘要。' },
      fields.map((f) => f.name),
    );
    const changed = saved.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    expect(changed).toEqual(['summary: 新的摘要。']);
  });
});

describe('审核看板', () => {
  it('卡片上的日期写成 2026年11月30日，不是英文月份', async () => {
    const dayjs = (await import('dayjs')).default;
    const phrases = completeLocale(zhHans) as { workflow: { workflow: { dateFormat: string } } };
    expect(dayjs('2026-11-30T09:00:00').format(phrases.workflow.workflow.dateFormat)).toBe(
      '2026年11月30日',
    );
  });
});

describe('后端由配置选择', () => {
  it('环境变量优先于 admin/backend.yml', () => {
    const chosen = resolveBackend(
      { name: 'github', repo: 'a/b', editorial_workflow: true },
      { CMS_BACKEND: 'forgejo', CMS_REPO: 'qiaobei/site', CMS_BASE_URL: 'https://git.example.cn' },
    );
    expect(chosen).toEqual({
      backend: {
        name: 'forgejo',
        repo: 'qiaobei/site',
        branch: 'main',
        base_url: 'https://git.example.cn',
      },
      editorialWorkflow: true,
    });
    expect(decapConfig({ backend: chosen }).publish_mode).toBe('editorial_workflow');
  });
  it('gitea 没有审核流程；未知后端和错误仓库名给出中文说明', () => {
    expect(
      resolveBackend({ name: 'gitea', repo: 'a/b', editorial_workflow: true }, {})
        .editorialWorkflow,
    ).toBe(false);
    expect(() => resolveBackend({ name: 'svn', repo: 'a/b' }, {})).toThrow(/不受支持/);
    expect(() => resolveBackend({ name: 'gitlab', repo: '仓库' }, {})).toThrow(/所有者\/仓库名/);
  });
});

describe('本机代理的防护', () => {
  const allowed = ['content', 'public/uploads'];
  const ok = (body: unknown, host = 'localhost:4321', origin?: string) =>
    refusal({ host, origin, body }, { allowed });
  it('只接受本机的 Host 和来源', () => {
    expect(ok({ action: 'info' })).toBeUndefined();
    expect(ok({ action: 'info' }, '127.0.0.1:4321', 'http://127.0.0.1:4321')).toBeUndefined();
    expect(ok({ action: 'info' }, '[::1]:4321')).toBeUndefined();
    expect(ok({ action: 'info' }, 'evil.example')?.status).toBe(403);
    expect(ok({ action: 'info' }, 'localhost.evil.example')?.status).toBe(403);
    expect(ok({ action: 'info' }, 'localhost:4321', 'https://evil.example')?.status).toBe(403);
  });
  it('只读写内容和媒体文件夹', () => {
    const write = (path: string) => ({
      action: 'persistMedia',
      params: { asset: { path, content: '', encoding: 'base64' } },
    });
    expect(ok(write('public/uploads/a.jpg'))).toBeUndefined();
    expect(
      ok({ action: 'deleteFiles', params: { paths: ['content/study/2026-01.md'] } }),
    ).toBeUndefined();
    for (const path of [
      'package.json',
      '.git/hooks/pre-commit',
      'content/../package.json',
      '/etc/passwd',
      'public/x.js',
      'content-evil/a.md',
      'content/.git/config',
    ])
      expect(ok(write(path))?.status, path).toBe(403);
    expect(
      ok({ action: 'deleteFiles', params: { paths: ['content/a.md', 'astro.config.mjs'] } })
        ?.status,
    ).toBe(403);
  });
  it('测试用的内容副本在项目之外时，代理以副本所在文件夹为仓库', () => {
    expect(localRepo('/repo', '/repo/content')).toEqual({
      repoPath: '/repo',
      contentFolder: 'content',
      mediaFolder: 'public/uploads',
    });
    expect(localRepo('/repo', '/tmp/x/copy')).toEqual({
      repoPath: '/tmp/x',
      contentFolder: 'copy',
      mediaFolder: 'public/uploads',
    });
  });
});
