import { z } from 'astro/zod';
import { cmsFields } from './cms-meta.ts';
import { draft, isoDate, longText, text, typeError } from './fields.ts';

export const REPORT_KINDS = [
  '联系群众',
  '主题党日',
  '三会一课',
  '志愿服务',
  '帮扶救助',
  '工作总结',
  '其他',
] as const;

export const figureSchema = z.object({
  label: text('名称', '例如：走访群众'),
  value: z
    .number({ error: typeError('数值', '数字') })
    .min(0, '“数值”不能小于 0')
    .register(cmsFields, {
      title: '数值',
      description: '例如：896',
      widget: 'number',
      cms: { value_type: 'float', min: 0 },
    }),
  unit: z
    .string({ error: typeError('单位', '文字') })
    .trim()
    .default('')
    .register(cmsFields, {
      title: '单位',
      description: '例如：人次、件、%',
      widget: 'string',
      cms: { required: false },
    }),
});

/** 工作报告: activity and work reports, content/reports/<id>.md */
export const reportSchema = z.object({
  title: text('标题'),
  date: isoDate('日期'),
  summary: longText('摘要', '一两句话说明报告内容'),
  kind: z
    .enum(REPORT_KINDS, { error: `“类别”只能是：${REPORT_KINDS.join('、')}` })
    .register(cmsFields, { title: '类别', widget: 'select' }),
  author: text('撰写人', '可选').optional(),
  figures: z
    .array(figureSchema, { error: typeError('数据', '列表') })
    .optional()
    .register(cmsFields, {
      title: '数据',
      description: '可选；只填汇总数字（如走访群众 896 人次），不要填个人信息',
      widget: 'list',
      cms: { summary: '{{fields.label}} {{fields.value}}{{fields.unit}}' },
    }),
  draft: draft(),
});

export type Report = z.infer<typeof reportSchema>;
export type Figure = z.infer<typeof figureSchema>;
