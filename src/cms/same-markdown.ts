import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** The document's structure without source positions: what the Markdown says, not how. */
function structure(markdown: string): string {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  return JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));
}

/**
 * True when two Markdown texts say the same thing and differ only in how it is written: `*` or
 * `-` bullets, padding in table rows, blank lines at the ends. The rich text editor rewrites an
 * entry's body in its own style as soon as it is clicked; that is not an edit.
 */
export function sameMarkdown(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.trim() === b.trim()) return true;
  return structure(a) === structure(b);
}
