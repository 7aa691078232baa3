import { unified } from '@astrojs/markdown-remark';
import { remarkSmartypantsWhenNeeded } from '../lib/remark-smartypants-when-needed.ts';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { rehypeInPageLinks } from './rehype-in-page-links.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/**
 * Markdown as editors write it, with any raw HTML parsed (rehype-raw) and then cleaned by an
 * allowlist (rehype-sanitize) before Astro adds heading ids: a script, event handler, iframe or
 * `javascript:` link pasted into an entry never reaches the page.
 */
export function safeMarkdown() {
  return unified({
    // Same typography as Astro's default, without the cost on entries it cannot change.
    smartypants: false,
    remarkPlugins: [remarkSmartypantsWhenNeeded],
    rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema], rehypeInPageLinks],
    remarkRehype: {
      // The sanitiser adds the `user-content-` prefix to ids; rehypeInPageLinks fixes the links.
      clobberPrefix: '',
      footnoteLabel: '注释',
      footnoteBackLabel: (index: number) => `返回正文第 ${index + 1} 处注释`,
    },
  });
}
