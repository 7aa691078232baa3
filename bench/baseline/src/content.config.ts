import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const root = process.env.SITE_CONTENT_DIR ?? '../../content';
const markdownIn = (folder: string) => glob({ pattern: '*.md', base: `${root}/${folder}` });
const date = z
  .union([z.string(), z.date()])
  .transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10)));

export const collections = {
  notices: defineCollection({
    loader: markdownIn('notices'),
    schema: z.object({
      title: z.string(),
      date,
      summary: z.string().optional(),
      pinned: z.boolean().default(false),
      expires: date.optional(),
      draft: z.boolean().default(false),
    }),
  }),
  study: defineCollection({
    loader: markdownIn('study'),
    schema: z.object({
      title: z.string(),
      issue: z.number().int().min(1),
      month: z.string(),
      date,
      summary: z.string(),
      topics: z.array(z.string()).optional(),
      cover: z.string().optional(),
      coverAlt: z.string().optional(),
      draft: z.boolean().default(false),
    }),
  }),
  reports: defineCollection({
    loader: markdownIn('reports'),
    schema: z.object({
      title: z.string(),
      date,
      summary: z.string(),
      kind: z.string(),
      author: z.string().optional(),
      figures: z
        .array(z.object({ label: z.string(), value: z.number(), unit: z.string().default('') }))
        .optional(),
      draft: z.boolean().default(false),
    }),
  }),
  contacts: defineCollection({
    loader: markdownIn('contacts'),
    schema: z.object({
      name: z.string(),
      role: z.string(),
      duties: z.string(),
      phone: z.string(),
      supervisionPhone: z.string().optional(),
      area: z.string().optional(),
      households: z.number().optional(),
      reception: z.string().optional(),
      order: z.number().optional(),
      photo: z.string().optional(),
      photoAlt: z.string().optional(),
    }),
  }),
  settings: defineCollection({
    loader: glob({ pattern: 'site.yml', base: `${root}/settings` }),
    schema: z.object({
      name: z.string(),
      parentOrg: z.string(),
      address: z.string(),
      phone: z.string(),
      supervisionPhone: z.string(),
      reception: z.string(),
      intro: z.string(),
      siteUrl: z.string(),
    }),
  }),
};
