import { z } from 'astro/zod';
import { cmsFields } from './cms-meta.ts';
import { draft, image, isoDate, isoMonth, text, longText, typeError } from './fields.ts';

const ISSUE_MESSAGE = '期号必须是大于 0 的整数';

/** 学习园地: one issue a month, content/study/<id>.md */
export const studySchema = z
  .object({
    title: text('标题'),
    issue: z
      .number({ error: typeError('期号', '大于 0 的整数') })
      .int(ISSUE_MESSAGE)
      .min(1, ISSUE_MESSAGE)
      .register(cmsFields, {
        title: '期号',
        description: '第几期，每期不同，例如 6',
        widget: 'number',
        cms: { value_type: 'int', min: 1 },
      }),
    month: isoMonth('月份', '这一期对应的月份，例如 2026-03'),
    date: isoDate('发布日期'),
    summary: longText('摘要', '一两句话说明本期内容，显示在列表和首页'),
    topics: z
      .array(z.string().trim().min(1, '“专题”的每一项都不能为空'), {
        error: typeError('专题', '文字列表'),
      })
      .optional()
      .register(cmsFields, {
        title: '专题',
        description: '本期学习的专题，可填多个',
        widget: 'list',
      }),
    cover: image('封面图片', '可选；上传后必须填写图片说明').optional(),
    coverAlt: text('封面图片说明', '为看不见图片的读者描述图片内容').optional(),
    draft: draft(),
  })
  .refine((entry) => !entry.cover || Boolean(entry.coverAlt), {
    path: ['coverAlt'],
    message: '设置了封面图片时必须填写“封面图片说明”（图片的文字描述）',
  });

export type StudyIssue = z.infer<typeof studySchema>;
