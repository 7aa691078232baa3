import { z } from 'astro/zod';
import { cmsFields } from './cms-meta.ts';
import { NEWEST_ON_BOARD } from '../lib/notice-board.ts';
import { draft, isoDate, longText, text } from './fields.ts';

/** 通知公告: content/notices/<id>.md */
export const noticeSchema = z
  .object({
    title: text('标题'),
    date: isoDate('发布日期'),
    summary: longText('摘要', '可选；不填则显示正文开头').optional(),
    pinned: z
      .boolean({ error: '“置顶”应为是或否（true / false）' })
      .default(false)
      .register(cmsFields, {
        title: '置顶',
        description: '置顶的通知显示在首页最上方',
        widget: 'boolean',
      }),
    expires: isoDate(
      '截止日期',
      `可选；过了这一天，通知从首页撤下，但仍保留在通知公告栏目中。首页列出全部置顶的通知和最新的 ${NEWEST_ON_BOARD} 条其他通知`,
    ).optional(),
    draft: draft(),
  })
  .refine((entry) => !entry.expires || entry.expires >= entry.date, {
    path: ['expires'],
    message: '“截止日期”不能早于“发布日期”',
  });

export type Notice = z.infer<typeof noticeSchema>;
