import { z } from 'astro/zod';
import { cmsFields } from './cms-meta.ts';
import { longText, phone, text, typeError } from './fields.ts';

/** 站点设置: content/settings/site.yml */
export const settingsSchema = z.object({
  name: text('支部名称', '例如：桥北社区党支部'),
  parentOrg: text('上级党组织', '例如：某某街道党工委'),
  address: text('地址', '党群服务中心的地址'),
  phone: phone('办公电话'),
  supervisionPhone: phone('监督电话', '群众反映问题、监督干部的电话，每页都会显示'),
  reception: text('定时接待', '例如：每周三 9:00—11:30'),
  intro: longText('支部简介', '一两句话介绍支部，显示在首页'),
  siteUrl: z.url({ error: typeError('网站地址', '以 https:// 开头的网址') }).register(cmsFields, {
    title: '网站地址',
    description: '网站正式发布后的网址，用于二维码和订阅，例如 https://qiaobei.example.cn',
    widget: 'string',
  }),
});

export type Settings = z.infer<typeof settingsSchema>;
