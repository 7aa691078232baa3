import { z } from 'astro/zod';
import { cmsFields } from './cms-meta.ts';
import { image, longText, nonNegativeInt, phone, text, typeError } from './fields.ts';

/** 联系卡: one cadre per file, content/contacts/<id>.md */
export const contactSchema = z
  .object({
    name: text('姓名'),
    role: text('职务', '例如：党支部书记'),
    duties: longText('工作职责', '负责的工作，居民会按这里的词搜索，例如：低保、养老、矛盾调解'),
    phone: phone('联系电话'),
    supervisionPhone: phone('监督电话', '可选；不填则使用站点设置中的监督电话').optional(),
    area: text('联系片区', '可选，例如：1—5 号楼').optional(),
    households: nonNegativeInt('联系户数', '联系户数必须是不小于 0 的整数', '可选').optional(),
    reception: text('接待时间', '可选，例如：每周三上午').optional(),
    order: z
      .number({ error: typeError('排序', '数字') })
      .optional()
      .register(cmsFields, {
        title: '排序',
        description: '可选；数字小的排在前面',
        widget: 'number',
        cms: { value_type: 'int' },
      }),
    photo: image('照片', '可选；上传后必须填写照片说明').optional(),
    photoAlt: text('照片说明', '例如：王某某的工作照').optional(),
  })
  .refine((entry) => !entry.photo || Boolean(entry.photoAlt), {
    path: ['photoAlt'],
    message: '设置了照片时必须填写“照片说明”（图片的文字描述）',
  });

export type Contact = z.infer<typeof contactSchema>;
