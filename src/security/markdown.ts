import { satteri } from '@astrojs/markdown-satteri';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { defineHastPlugin } from 'satteri';
import { publicDir as projectPublicDir } from '../lib/public-dir.ts';
import { ARTICLE_SIZES, pictureMarkup } from '../pictures/picture-markup.ts';
import { rehypeInPageLinks } from './rehype-in-page-links.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

const fixInPageLinks = rehypeInPageLinks();

/** An uploaded picture as a picture element in the sizes that fit (see picture-markup.ts). */
function toPicture(img: Element, publicDir: string): Element {
  const { src, alt } = img.properties;
  if (typeof src !== 'string') return img;
  const markup = pictureMarkup(publicDir, src, typeof alt === 'string' ? alt : '', {
    sizes: ARTICLE_SIZES,
  });
  if (!markup) return img;
  const element = (tagName: string, properties: Element['properties']): Element => ({
    type: 'element',
    tagName,
    properties,
    children: [],
  });
  return {
    type: 'element',
    tagName: 'picture',
    properties: {},
    children: [
      ...markup.sources.map((source) => element('source', { ...source })),
      element('img', { ...img.properties, ...markup.img }),
    ],
  };
}

function pictures(node: Root | Element, publicDir: string) {
  node.children = node.children.map((child: RootContent | ElementContent) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'img') return toPicture(child, publicDir);
    pictures(child, publicDir);
    return child;
  });
}

/**
 * Cleans each entry's HTML tree by the allowlist (hast-util-sanitize, the engine of
 * rehype-sanitize) before Astro adds heading ids: a script, event handler, iframe or `javascript:`
 * link pasted into an entry never reaches the page.
 */
const sanitizeEntryHtml = (publicDir: string) =>
  defineHastPlugin({
    name: 'sanitize-entry-html',
    before(root, ctx) {
      const clean = sanitize(root, sanitizeSchema) as Root;
      fixInPageLinks(clean);
      // After the allowlist: these elements are the site's own, not the author's.
      pictures(clean, publicDir);
      ctx.replaceNode(root, clean);
    },
  });

/**
 * Markdown as editors write it, through Astro's own Rust pipeline (Sätteri): raw HTML is parsed
 * into the tree (rawHtml) and then cleaned by the allowlist. Footnotes are labelled in Chinese.
 * `publicDir`: where uploaded pictures are found (default the project's public/).
 */
export function safeMarkdown(options: { publicDir?: string | undefined } = {}) {
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
    hastPlugins: [sanitizeEntryHtml(options.publicDir ?? projectPublicDir(process.cwd()))],
  });
}
