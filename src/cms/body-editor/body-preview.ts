import { generateHTML } from '@tiptap/core';
import { createElement as h, useMemo } from 'react';
import { bodyExtensions } from './extensions.ts';
import { parseMarkdown } from './markdown.ts';

/**
 * The body in the preview pane, rendered through the editor's own schema: only what the editor
 * knows (headings, lists, tables, links, images) becomes HTML, never the body's raw HTML.
 */
export function BodyPreview(props: { value?: string | null }) {
  const html = useMemo(
    () => generateHTML(parseMarkdown(props.value ?? '').doc, bodyExtensions()),
    [props.value],
  );
  return h('div', { className: 'body-preview', dangerouslySetInnerHTML: { __html: html } });
}
