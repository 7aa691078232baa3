import type { Nodes, PhrasingContent } from 'mdast';

const LEAD = /^[\p{P}\s\u3000]+/u;
const TRAIL = /[\p{P}\s\u3000]+$/u;

type Wrapper = Extract<PhrasingContent, { type: 'strong' | 'emphasis' | 'delete' }>;

function isWrapper(node: PhrasingContent): node is Wrapper {
  return node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete';
}

/** A character that makes a marker next to punctuation fail to open or close. */
const WORD_CHAR = /^[^\p{P}\p{S}\s\u3000]/u;

/**
 * Moves punctuation at the edges of bold/italic text outside the markers where Markdown needs it:
 * `**“重点”**内容` is not bold (a closing `**` after punctuation and before a Chinese character
 * does not close), while `**“重点**”内容` is. Markers next to spaces or line ends are left alone.
 */
export function emphasisEdges(tree: Nodes): void {
  if (!('children' in tree)) return;
  for (const child of tree.children) emphasisEdges(child);
  const children = tree.children as PhrasingContent[];
  const out: PhrasingContent[] = [];
  children.forEach((child, index) => {
    if (!isWrapper(child)) {
      out.push(child);
      return;
    }
    const previous = out.at(-1);
    const next = children[index + 1];
    const first = child.children[0];
    const last = child.children.at(-1);
    let before = '';
    let after = '';
    if (
      first?.type === 'text' &&
      previous?.type === 'text' &&
      WORD_CHAR.test(previous.value.slice(-1))
    ) {
      before = LEAD.exec(first.value)?.[0] ?? '';
      first.value = first.value.slice(before.length);
    }
    if (last?.type === 'text' && next?.type === 'text' && WORD_CHAR.test(next.value)) {
      after = TRAIL.exec(last.value)?.[0] ?? '';
      last.value = last.value.slice(0, last.value.length - after.length);
    }
    child.children = child.children.filter((node) => node.type !== 'text' || node.value !== '');
    if (before) out.push({ type: 'text', value: before });
    if (child.children.length) out.push(child);
    if (after) out.push({ type: 'text', value: after });
  });
  (tree as { children: PhrasingContent[] }).children = out;
}
