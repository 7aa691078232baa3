import { defaultSchema, type Schema as SanitizeSchema } from 'hast-util-sanitize';

const allowedAttributes = defaultSchema.attributes ?? {};

/**
 * What raw HTML in an entry's Markdown may keep: GitHub's allowlist (tables, images, links,
 * headings, lists, quotes, code; no script, style, iframe, form, `on*` or `style` attributes),
 * plus `tel:` links for phone numbers and `loading` on images. Link and image URLs must be
 * relative or http(s)/mailto/tel, so `javascript:` and `data:` URLs are dropped.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...allowedAttributes,
    img: [...(allowedAttributes['img'] ?? []), 'loading'],
  },
  // Drop these elements with everything inside them, not just the tags.
  strip: [
    'script',
    'style',
    'iframe',
    'frame',
    'form',
    'svg',
    'math',
    'template',
    'noscript',
    'object',
    'embed',
  ],
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
  },
};
