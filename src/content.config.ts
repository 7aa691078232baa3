import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import config from 'virtual:site-config';
import { collectionDefinitions } from './schemas/index.ts';

const { notices, study, reports, contacts, settings } = collectionDefinitions;
const root = config.contentDir;

const markdownIn = (folder: string) => glob({ pattern: '*.md', base: `${root}/${folder}` });

export const collections = {
  notices: defineCollection({ loader: markdownIn(notices.folder), schema: notices.schema }),
  study: defineCollection({ loader: markdownIn(study.folder), schema: study.schema }),
  reports: defineCollection({ loader: markdownIn(reports.folder), schema: reports.schema }),
  contacts: defineCollection({ loader: markdownIn(contacts.folder), schema: contacts.schema }),
  settings: defineCollection({
    loader: glob({ pattern: settings.file, base: `${root}/${settings.folder}` }),
    schema: settings.schema,
  }),
};
