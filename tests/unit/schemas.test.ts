import { describe, expect, it } from 'vitest';
import {
  contactSchema,
  noticeSchema,
  reportSchema,
  settingsSchema,
  studySchema,
} from '@/schemas/index';

const messagesOf = (result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) => result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

const study = {
  title: '学习型党组织建设',
  issue: 3,
  month: '2026-07',
  date: '2026-07-01',
  summary: '本期学习内容',
};

describe('study schema', () => {
  it('accepts a valid issue and fills defaults', () => {
    const result = studySchema.safeParse(study);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ draft: false, date: '2026-07-01' });
  });
  it.each([0, -1, 2.5])('rejects 期号 %s in Chinese', (issue) => {
    expect(messagesOf(studySchema.safeParse({ ...study, issue }))).toContain(
      'issue: 期号必须是大于 0 的整数',
    );
  });
  it('says what is missing', () => {
    const { title: _title, ...rest } = study;
    expect(messagesOf(studySchema.safeParse(rest))).toContain('title: 缺少“标题”：请填写文字');
  });
  it('requires alt text for a cover', () => {
    expect(messagesOf(studySchema.safeParse({ ...study, cover: '/uploads/a.jpg' }))).toContain(
      'coverAlt: 设置了封面图片时必须填写“封面图片说明”（图片的文字描述）',
    );
    expect(
      studySchema.safeParse({ ...study, cover: '/uploads/a.jpg', coverAlt: '党员学习' }).success,
    ).toBe(true);
  });
  it('rejects a cover that is not an image', () => {
    expect(
      messagesOf(studySchema.safeParse({ ...study, cover: '/uploads/a.pdf', coverAlt: 'x' }))[0],
    ).toMatch(/必须是图片文件/);
  });
  it.each(['2026-13-45', '2026-02-30', '2026/03/01', '三月一日'])(
    'rejects the impossible date %s',
    (date) => {
      expect(messagesOf(studySchema.safeParse({ ...study, date }))[0]).toMatch(/不是有效日期/);
    },
  );
  it('takes a YAML date object as the date it names', () => {
    const result = studySchema.safeParse({ ...study, date: new Date(Date.UTC(2026, 6, 1)) });
    expect(result.data?.date).toBe('2026-07-01');
  });
  it('rejects a month outside 1–12', () => {
    expect(messagesOf(studySchema.safeParse({ ...study, month: '2026-13' }))).toContain(
      'month: “月份”应写成 2026-03 这样的年月',
    );
  });
});

describe('report schema', () => {
  const report = { title: '走访报告', date: '2026-06-30', summary: '摘要', kind: '联系群众' };
  it('accepts figures with and without units', () => {
    const result = reportSchema.safeParse({
      ...report,
      figures: [
        { label: '走访群众', value: 896, unit: '人次' },
        { label: '提水站', value: 1 },
      ],
    });
    expect(result.success).toBe(true);
    expect(result.data?.figures?.[1]?.unit).toBe('');
  });
  it('lists the allowed kinds', () => {
    expect(messagesOf(reportSchema.safeParse({ ...report, kind: '杂项' }))[0]).toContain(
      '联系群众、主题党日',
    );
  });
  it('rejects a figure that is not a number', () => {
    expect(
      messagesOf(
        reportSchema.safeParse({ ...report, figures: [{ label: '走访', value: '很多' }] }),
      ),
    ).toContain('figures.0.value: “数值”应为数字');
  });
});

describe('contact schema', () => {
  const contact = { name: '张某某', role: '党支部书记', duties: '全面工作', phone: '13912345678' };
  it('accepts mobile and landline numbers', () => {
    expect(contactSchema.safeParse(contact).success).toBe(true);
    expect(contactSchema.safeParse({ ...contact, phone: '0310-1234567' }).success).toBe(true);
  });
  it('rejects a bad phone with the Chinese rule', () => {
    expect(messagesOf(contactSchema.safeParse({ ...contact, phone: '12345' }))).toContain(
      'phone: 联系电话格式不正确：应为 11 位手机号或带区号的固定电话',
    );
    expect(messagesOf(contactSchema.safeParse({ ...contact, supervisionPhone: '110' }))).toContain(
      'supervisionPhone: 监督电话格式不正确：应为 11 位手机号或带区号的固定电话',
    );
  });
  it('asks for quotes when YAML changed a landline into a number', () => {
    expect(messagesOf(contactSchema.safeParse({ ...contact, phone: 3103016601 }))[0]).toMatch(
      /请用引号括起来/,
    );
  });
  it('requires photo alt text', () => {
    expect(contactSchema.safeParse({ ...contact, photo: '/uploads/z.jpg' }).success).toBe(false);
  });
  it('rejects a negative household count', () => {
    expect(messagesOf(contactSchema.safeParse({ ...contact, households: -3 }))).toContain(
      'households: 联系户数必须是不小于 0 的整数',
    );
  });
});

describe('notice schema', () => {
  const notice = { title: '通知', date: '2026-09-01' };
  it('defaults to not pinned and not a draft', () => {
    expect(noticeSchema.parse(notice)).toMatchObject({ pinned: false, draft: false });
  });
  it('rejects an expiry before the notice date', () => {
    expect(messagesOf(noticeSchema.safeParse({ ...notice, expires: '2026-08-01' }))).toContain(
      'expires: “截止日期”不能早于“发布日期”',
    );
  });
});

describe('settings schema', () => {
  it('needs an absolute site address', () => {
    const settings = {
      name: '桥北社区党支部',
      parentOrg: '某某街道党工委',
      address: '某某路 1 号',
      phone: '0310-1234567',
      supervisionPhone: '0310-7654321',
      reception: '每周三 9:00—11:30',
      intro: '简介',
      siteUrl: 'qiaobei',
    };
    expect(messagesOf(settingsSchema.safeParse(settings))[0]).toMatch(
      /^siteUrl: “网站地址”应为以 https:\/\/ 开头的网址/,
    );
    expect(
      settingsSchema.safeParse({ ...settings, siteUrl: 'https://qiaobei.example.cn' }).success,
    ).toBe(true);
  });
});
