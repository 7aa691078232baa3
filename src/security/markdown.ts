import { satteri } from '@astrojs/markdown-satteri';
import type { Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { defineHastPlugin } from 'satteri';
import { rehypeInPageLinks } from './rehype-in-page-links.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

const fixInPageLinks = rehypeInPageLinks();

/**
 * Cleans each entry's HTML tree by the allowlist (hast-util-sanitize, the engine of
 * rehype-sanitize) before Astro adds heading ids: a script, event handler, iframe or `javascript:`
 * link pasted into an entry never reaches the page.
 */
const sanitizeEntryHtml = defineHastPlugin({
  name: 'sanitize-entry-html',
  before(root, ctx) {
    const clean = sanitize(root, sanitizeSchema) as Root;
    fixInPageLinks(clean);
    ctx.replaceNode(root, clean);
  },
});

/**
 * Markdown as editors write it, through Astro's own Rust pipeline (Sätteri): raw HTML is parsed
 * into the tree (rawHtml) and then cleaned by the allowlist. Footnotes are labelled in Chinese.
 */
export function safeMarkdown() {
  return satteri({
    features: {
      rawHtml: true,
      gfm: {
        footnotes: {
          label: '注释',
          backLabel: (reference) => `返回正文第 ${reference} 处注释`,
          // The sanitiser adds the `user-content-` prefix to ids; rehypeInPageLinks fixes the links.
          clobberPrefix: '',
        },
      },
    },
    hastPlugins: [sanitizeEntryHtml],
  });
}
