import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import config from 'virtual:site-config';
import { collectionDefinitions } from './schemas/index.ts';

const { notices, study, reports, contacts, settings } = collectionDefinitions;
const root = config.contentDir;

/**
 * Articles keep their rendered HTML in the content store, not their Markdown too: the store is
 * bundled into every build, and at 2 000 entries the Markdown makes it 33 MB instead of 18 MB
 * (npm run bench). Code that needs an article's Markdown reads its file (src/data/content.ts).
 * Contact cards are few and the search index reads their text, so they keep it.
 */
const markdownIn = (folder: string, retainBody = false) =>
  glob({ pattern: '*.md', base: `${root}/${folder}`, retainBody });

export const collections = {
  notices: defineCollection({ loader: markdownIn(notices.folder), schema: notices.schema }),
  study: defineCollection({ loader: markdownIn(study.folder), schema: study.schema }),
  reports: defineCollection({ loader: markdownIn(reports.folder), schema: reports.schema }),
  contacts: defineCollection({
    loader: markdownIn(contacts.folder, true),
    schema: contacts.schema,
  }),
  settings: defineCollection({
    loader: glob({ pattern: settings.file, base: `${root}/${settings.folder}` }),
    schema: settings.schema,
  }),
};
