import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '@/checks/problem';
import { runChecks } from '@/checks/run-checks';
import { contentCopy } from '../support/content-copy';
import { repoRoot } from '../support/run-build';

const broken = join(repoRoot, 'tests/fixtures/broken');

/**
 * The minimal site with a broken case's files laid over it (tests/fixtures/broken/<case>/content
 * and, when present, its public/), checked as `npm run check` does.
 */
function checkCase(name: string, extra: Record<string, string> = {}): Problem[] {
  const overlay = join(broken, name, 'content');
  const dir = contentCopy(extra, {
    overlays: existsSync(overlay) ? [overlay] : [],
    prefix: `broken-${name}-`,
  });
  const publicDir = join(broken, name, 'public');
  return runChecks(repoRoot, '2026-11-28', {
    contentDir: dir,
    publicDir: existsSync(publicDir) ? publicDir : join(dir, 'no-public'),
  }).problems;
}

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

describe('a broken entry gets one clear Chinese message naming the file', () => {
  const cases: {
    name: string;
    file: RegExp;
    message: RegExp;
    line?: number;
    field?: string;
  }[] = [
    {
      name: 'yaml-syntax',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /^YAML 格式错误：引号或括号没有配对/,
      line: 2,
    },
    {
      name: 'yaml-no-space',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /冒号后缺少空格/,
      line: 2,
    },
    {
      name: 'yaml-fullwidth-colon',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /中文冒号“：”/,
      line: 3,
    },
    {
      name: 'yaml-colon-in-value',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /用英文双引号括起来/,
      line: 2,
    },
    {
      name: 'yaml-duplicate-key',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /同一个字段写了两次/,
      line: 4,
    },
    {
      name: 'front-matter-not-closed',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /信息区没有结束/,
      line: 1,
    },
    {
      name: 'empty-file',
      file: /reports\/2026-02-10-kong\.md$/,
      message: /^文件是空的/,
    },
    {
      name: 'bom',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /不是有效日期：“2026-02-30”/,
      line: 3,
      field: '发布日期（date）',
    },
    {
      name: 'crlf',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /不是有效日期：“2026-1-5”/,
      line: 4,
      field: '截止日期（expires）',
    },
    {
      name: 'impossible-date',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /“发布日期”不是有效日期：“2026-13-45”，应写成 2026-03-15 这样的真实日期/,
      line: 3,
    },
    {
      name: 'cover-not-image',
      file: /study\/2026-02\.md$/,
      message: /\/uploads\/jiangzuo\.jpg 不是图片/,
      line: 7,
      field: '封面图片（cover）',
    },
    {
      name: 'cover-pdf',
      file: /study\/2026-02\.md$/,
      message: /必须是图片文件/,
      line: 7,
    },
    {
      name: 'svg-with-script',
      file: /study\/2026-02\.md$/,
      message: /含有脚本或事件代码/,
      line: 7,
    },
    {
      name: 'mdx-file',
      file: /notices\/2026-02-01-tingshui\.mdx$/,
      message: /不支持 \.mdx 文件.*请把扩展名改为 \.md/,
    },
    {
      name: 'gbk-file',
      file: /notices\/2026-02-01-tingshui\.md$/,
      message: /不是 UTF-8 编码/,
    },
  ];

  for (const { name, file, message, line, field } of cases) {
    it(name, () => {
      const errors = errorsOf(checkCase(name));
      expect(errors).toHaveLength(1);
      const [problem] = errors;
      expect(problem?.file).toMatch(file);
      expect(problem?.message).toMatch(message);
      expect(problem?.message).toMatch(/[\u4e00-\u9fff]/);
      if (line !== undefined) expect(problem?.line).toBe(line);
      if (field !== undefined) expect(problem?.field).toBe(field);
    });
  }

  it('wrong-types: each wrong field is named with what it should be', () => {
    const errors = errorsOf(checkCase('wrong-types'));
    expect(errors.map((p) => [p.line, p.field, p.message])).toEqual([
      [3, '期号（issue）', '“期号”应为大于 0 的整数'],
      [7, '专题（topics）', '“专题”应为文字列表'],
      [8, '草稿（draft）', '“草稿”应为是或否（true / false）'],
    ]);
    expect(errors.every((p) => /study\/2026-02\.md$/.test(p.file))).toBe(true);
  });

  it('duplicate-issue: both files are named, each pointing at the other', () => {
    const errors = errorsOf(checkCase('duplicate-issue'));
    expect(errors.map((p) => p.file.replace(/.*\/study\//, 'study/'))).toEqual([
      'study/2026-01.md',
      'study/2026-02.md',
    ]);
    expect(errors[0]?.message).toMatch(/^期号 1 重复：.*study\/2026-02\.md 也是第 1 期/);
    expect(errors[1]?.line).toBe(3);
  });

  it('huge-body: a body over 1 MB is refused with its size, not parsed', () => {
    const body = '这是一段很长的正文，可能是误粘贴的内容。\n'.repeat(40_000);
    const errors = errorsOf(
      checkCase('huge', {
        'notices/2026-02-01-changwen.md': `---\ntitle: 长文\ndate: 2026-02-01\n---\n\n${body}`,
      }),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.file).toMatch(/notices\/2026-02-01-changwen\.md$/);
    expect(errors[0]?.message).toMatch(/^文件太大（\d+\.\d MB，上限 1 MB）/);
  });

  it('a body just under the limit is checked normally and fast enough to run before every build', () => {
    const body = '正文。\n'.repeat(60_000);
    const problems = checkCase('long', {
      'notices/2026-02-01-changwen.md': `---\ntitle: 长文\ndate: 2026-02-01\n---\n\n${body}`,
    });
    expect(errorsOf(problems)).toEqual([]);
  });

  it('missing-images: cover, body image and external image each name their line', () => {
    const errors = errorsOf(checkCase('missing-images'));
    expect(errors.map((p) => [p.line, p.field])).toEqual([
      [7, '封面图片（cover）'],
      [13, '正文中的图片'],
      [15, '正文中的图片'],
    ]);
    expect(errors[0]?.message).toMatch(/^找不到图片 \/uploads\/2026\/fengmian\.jpg/);
    expect(errors[1]?.message).toMatch(/^找不到图片 \/uploads\/huodong\.png/);
    expect(errors[2]?.message).toMatch(
      /外部图片 https:\/\/img\.example\.com\/a\.jpg 会被安全策略拦截/,
    );
  });

  it('dead-links: links to missing, draft or unknown pages fail; good ones and code pass', () => {
    const errors = errorsOf(checkCase('dead-links'));
    expect(errors.every((p) => /reports\/2026-02-10-lianjie\.md$/.test(p.file))).toBe(true);
    expect(errors.map((p) => [p.line, p.message.replace(/：.*/, '')])).toEqual([
      [10, '链接 /study/2099-01/ 指向的学习园地“2099-01”不存在'],
      [
        11,
        '链接 /notices/2026-02-01-caogao/ 指向的通知公告“2026-02-01-caogao”还是草稿，不会发布，居民点开会找不到',
      ],
      [12, '链接 /contacts/#li 指向的联系卡“li”不存在'],
      [13, '链接 /huodong/ 指向的页面在网站上不存在'],
    ]);
  });

  it('a dead link or missing image in a draft is a warning, so it does not stop the build', () => {
    const problems = checkCase('drafts', {
      'notices/2026-02-01-caogao.md':
        '---\ntitle: 草稿\ndate: 2026-02-01\ndraft: true\n---\n\n见[下一期](/study/2026-02/)。\n\n![照片](/uploads/none.jpg)\n',
    });
    expect(errorsOf(problems)).toEqual([]);
    expect(problems.map((p) => [p.severity, p.line, p.message.slice(0, 13)])).toEqual([
      ['warning', 7, '（草稿，发布前需改正）链接'],
      ['warning', 9, '（草稿，发布前需改正）找不'],
    ]);
  });

  it('wrong-extension: a .txt entry is pointed out as a warning', () => {
    const problems = checkCase('wrong-extension');
    expect(errorsOf(problems)).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: expect.stringMatching(/notices\/2026-02-01-tingshui\.txt$/),
        message: expect.stringContaining('扩展名应为 .md'),
      }),
    ]);
  });

  it('unsafe-html: script, event handler and javascript: link are warnings naming the line', () => {
    const problems = checkCase('unsafe-html');
    expect(errorsOf(problems)).toEqual([]);
    expect(problems.map((p) => [p.line, p.message.replace(/：发布时.*/, '')])).toEqual([
      [8, '正文里有脚本 <script>'],
      [10, '正文里有事件代码（onclick、onerror 等）'],
      [12, '正文里有 javascript: 链接'],
    ]);
  });

  it('npm run check prints them in Chinese, exits 1 and shows no stack trace', () => {
    const dir = contentCopy(
      {},
      {
        overlays: ['yaml-syntax', 'wrong-types', 'empty-file', 'dead-links'].map((name) =>
          join(broken, name, 'content'),
        ),
        prefix: 'broken-cli-',
      },
    );
    const run = spawnSync(process.execPath, ['src/checks/cli.ts'], {
      cwd: repoRoot,
      env: { ...process.env, SITE_CONTENT_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /✖ 错误 {2}.*notices\/2026-02-01-tingshui\.md 第 2 行\n {4}YAML 格式错误/,
    );
    expect(run.stdout).toMatch(
      /内容检查：共 \d+ 个条目，9 个错误，0 个提醒。请按上面的提示修改后再发布。/,
    );
    expect(run.stdout).not.toMatch(/^\s+at /m);
  });
});
