import type { Element, Root, RootContent } from 'hast';

const PREFIX = 'user-content-';

function* elements(node: Root | RootContent): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const child of node.children) yield* elements(child);
}

/**
 * The sanitiser prefixes every `id` from an entry with `user-content-` so it cannot clash with the
 * page's own ids; this points `#name` links (footnotes, hand-written anchors) at the prefixed id.
 */
export function rehypeInPageLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    for (const element of elements(tree)) {
      const id = element.properties['id'];
      if (typeof id === 'string') ids.add(id);
    }
    for (const element of elements(tree)) {
      const href = element.properties['href'];
      if (element.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) continue;
      let target = href.slice(1);
      try {
        target = decodeURIComponent(target);
      } catch {
        // A malformed escape stays as written.
      }
      if (!ids.has(target) && ids.has(PREFIX + target))
        element.properties['href'] = `#${PREFIX}${target}`;
    }
  };
}
