import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '@/checks/format-problems';
import type { Problem } from '@/checks/problem';
import { runChecks } from '@/checks/run-checks';
import { contentCopy } from '../support/content-copy';
import { repoRoot } from '../support/run-build';
import { fullWidth, group4, makeCard, makeId } from './privacy-fixtures';

/** The minimal site (cadre 张某某 publishes 13900000001) with some files added or replaced. */
function checkWith(files: Record<string, string>): Problem[] {
  const dir = contentCopy(files, { prefix: 'privacy-' });
  return runChecks(repoRoot, '2026-11-28', {
    contentDir: dir,
    publicDir: join(dir, 'no-public'),
  }).problems;
}

const report = (body: string, extra = '') =>
  `---\ntitle: 走访报告\ndate: 2026-02-10\nsummary: 走访情况。\nkind: 帮扶救助\n${extra}---\n\n${body}\n`;
const REPORT = 'reports/2026-02-10-bangfu.md';

const privacy = (problems: Problem[]) => problems.filter((p) => p.field === '个人信息保护');

describe('the privacy guard in npm run check', () => {
  const id = makeId('110101', '19900307', '123');
  const card = makeCard('622202123456789');

  it('fails on an ID number inside a Chinese sentence, naming file, line and masked form', () => {
    const problems = checkWith({
      [REPORT]: report(`王某某，家住某小区。\n\n她的身份证号是${id}，今年申请了救助。`),
    });
    expect(privacy(problems)).toEqual([
      {
        file: expect.stringMatching(/reports\/2026-02-10-bangfu\.md$/),
        line: 10,
        field: '个人信息保护',
        severity: 'error',
        message: expect.stringContaining(`请删除或写成 ${id.slice(0, 6)}********${id.slice(-4)}`),
      },
    ]);
    expect(formatProblems(problems)).toContain(`reports/2026-02-10-bangfu.md 第 10 行`);
  });

  it('finds full-width digits in the front matter and shows the half-width masked form', () => {
    const problems = checkWith({
      [REPORT]: report('正文。', `author: 联系人王某某（电话${fullWidth('13812345678')}）\n`),
    });
    expect(privacy(problems).map((p) => [p.line, p.message])).toEqual([
      [6, expect.stringMatching(/手机号 １３８１２３４５６７８，请删除或写成 138\*\*\*\*5678/)],
    ]);
  });

  it('finds a grouped bank card number and an old 15-digit ID in one body', () => {
    const problems = checkWith({
      [REPORT]: report(`补助款打入银行卡${group4(card)}。\n\n老身份证号110101900307123也登记了。`),
    });
    expect(privacy(problems).map((p) => [p.line, p.message.replace(/，请删除.*/, '')])).toEqual([
      [8, `发现未打码的银行卡号 ${group4(card)}`],
      [10, '发现未打码的身份证号 110101900307123'],
    ]);
  });

  it('checks drafts, files with YAML errors and stray text files too', () => {
    const problems = checkWith({
      [REPORT]: report(`电话13812345678`, 'draft: true\n'),
      'notices/2026-02-01-tingshui.md': `---\ntitle: "停水\ndate: 2026-02-01\n---\n\n联系13712345678\n`,
      'notes/huiyi.txt': `会议记录：李某某 13612345678`,
    });
    expect(privacy(problems).map((p) => p.file.replace(/.*privacy-[^/]+\//, ''))).toEqual([
      'notes/huiyi.txt',
      'notices/2026-02-01-tingshui.md',
      REPORT,
    ]);
  });

  it('lets the published numbers of cadres and the branch through, however they are written', () => {
    const problems = checkWith({
      [REPORT]: report(
        [
          '张书记电话 13900000001，',
          `也可写作 139-0000-0001、+86 139 0000 0001 或 ${fullWidth('13900000001')}。`,
          '办公电话 0310-1234567，监督电话 0310-7654321。',
        ].join('\n'),
      ),
    });
    expect(privacy(problems)).toEqual([]);
  });

  it('still allows a cadre’s number when that cadre’s own file does not parse', () => {
    const problems = checkWith({
      'contacts/wang.md': `---\nname: 王某某\nrole: "委员\nduties: 宣传\nphone: "13700000002"\n---\n`,
      [REPORT]: report('王委员电话 13700000002。'),
    });
    expect(privacy(problems)).toEqual([]);
  });

  it('passes masked forms and ordinary numbers in Chinese text', () => {
    const problems = checkWith({
      [REPORT]: report(
        [
          '联系人手机138****5678，身份证110101********1234，银行卡6222 **** **** 7890。',
          '走访群众896人次，发放慰问金13358.67元，编号20260115001。',
          '会议于2026年2月10日召开，共有138户参加。',
        ].join('\n'),
      ),
    });
    expect(privacy(problems)).toEqual([]);
  });

  it('fails a cadre’s contact card that names a resident’s mobile in its body', () => {
    const problems = checkWith({
      'contacts/zhang.md':
        '---\nname: 张某某\nrole: 党支部书记\nduties: 全面工作\nphone: "13900000001"\n---\n\n代办居民刘某某的事务，刘某某电话15912345678。\n',
    });
    expect(privacy(problems).map((p) => [p.line, p.message])).toEqual([
      [8, expect.stringContaining('159****5678')],
    ]);
  });

  it('refuses the seed report’s leak: a resident’s address and illness, with the masked rewrite', () => {
    const problems = checkWith({
      [REPORT]: report(
        '居民王小珍家住桥北路18号院3栋2单元401室，患肾病多年，医疗费用达12万元。\n\n为张德顺申请临时救助金8000元。',
      ),
    });
    expect(privacy(problems).map((p) => [p.line, p.severity, p.message])).toEqual([
      [8, 'error', expect.stringContaining('请把姓名写成“王某某”')],
      [8, 'error', expect.stringContaining('写成“某小区”')],
      [10, 'warning', expect.stringContaining('建议写成“张某某”')],
    ]);
  });

  it('never flags the cadres listed in contacts, masked names or the office address', () => {
    const problems = checkWith({
      'contacts/liu.md':
        '---\nname: 刘秀梅\nrole: 副书记\nduties: 低保、临时救助、医疗救助\nphone: "13700000003"\n---\n\n微信号 liuxiumei2026，申请低保请找我。\n',
      [REPORT]: report(
        [
          '居民刘秀梅因病住院期间，照常接待低保申请。',
          '居民王某某常年患病，家住某小区，已办理低保。',
          '办公地址：桥北路18号 桥北社区党群服务中心一楼。',
        ].join('\n'),
      ),
    });
    expect(privacy(problems)).toEqual([]);
  });

  it('refuses a resident’s WeChat ID outside the contact cards', () => {
    const problems = checkWith({ [REPORT]: report('居民王某某的微信号 wxid_8a7s6d5f4g3h') });
    expect(privacy(problems).map((p) => [p.severity, p.message])).toEqual([
      ['error', expect.stringContaining('请删除或写成 wxid_****3h')],
    ]);
  });
});

describe('the sample site', () => {
  it('raises no privacy problem at all', () => {
    const problems = runChecks(repoRoot, '2026-11-28').problems;
    expect(privacy(problems)).toEqual([]);
  });
});
