import type { z } from 'astro/zod';
import { contactSchema } from './contacts.ts';
import { noticeSchema } from './notices.ts';
import { reportSchema } from './reports.ts';
import { searchWordsSchema } from './search-words.ts';
import { settingsSchema } from './settings.ts';
import { studySchema } from './study.ts';
import { collectionLabels } from '../ui/strings.ts';

export interface BodyField {
  title: string;
  description: string;
  required: boolean;
}

export interface CollectionDefinition {
  /** Chinese name shown to secretaries and residents. */
  label: string;
  /** Folder inside `content/` that holds the entries. */
  folder: string;
  schema: z.ZodType;
  /** Markdown entries have a body; `settings` is a single YAML file. */
  body?: BodyField;
  /** For a single-file collection: the file name inside `folder`. */
  file?: string;
  /** A single file the site works without (an empty table) when it is missing. */
  optional?: boolean;
}

/** Every collection editors write, in the order the CMS lists them. */
export const collectionDefinitions = {
  notices: {
    label: collectionLabels.notices,
    folder: 'notices',
    schema: noticeSchema,
    body: { title: '正文', description: '通知的全文', required: true },
  },
  study: {
    label: collectionLabels.study,
    folder: 'study',
    schema: studySchema,
    body: {
      title: '正文',
      description: '用“标题 2”把内容分成几节，每节一个学习要点',
      required: true,
    },
  },
  reports: {
    label: collectionLabels.reports,
    folder: 'reports',
    schema: reportSchema,
    body: {
      title: '正文',
      description: '居民姓名请写成“王某某”，住址写成“某小区”，不要写身份证号和手机号',
      required: true,
    },
  },
  contacts: {
    label: collectionLabels.contacts,
    folder: 'contacts',
    schema: contactSchema,
    body: { title: '补充说明', description: '可选', required: false },
  },
  settings: {
    label: '站点设置',
    folder: 'settings',
    file: 'site.yml',
    schema: settingsSchema,
  },
  searchWords: {
    label: '搜索用词',
    folder: 'settings',
    file: 'search-words.yml',
    schema: searchWordsSchema,
    optional: true,
  },
} as const satisfies Record<string, CollectionDefinition>;

export type CollectionName = keyof typeof collectionDefinitions;

export {
  contactSchema,
  noticeSchema,
  reportSchema,
  searchWordsSchema,
  settingsSchema,
  studySchema,
};
