import remarkSmartypants from 'remark-smartypants';

interface Node {
  type: string;
  value?: unknown;
  children?: Node[];
}

/**
 * True when SmartyPants could change `text` (the text of a Markdown node): ASCII quotes or
 * backticks, `--` or `...`. Chinese typed with an input method has full-width punctuation instead.
 */
export function needsSmartypants(text: string): boolean {
  return /["'`]|--|\.\.\./.test(text);
}

function hasTextToChange(node: Node): boolean {
  if (node.type === 'text' && typeof node.value === 'string') return needsSmartypants(node.value);
  return node.children?.some(hasTextToChange) ?? false;
}

/**
 * remark-smartypants, run only on entries it could change. It parses all the text again as Latin
 * prose (retext), which was a third of the Markdown time of a Chinese site and changed nothing.
 */
export function remarkSmartypantsWhenNeeded() {
  const transform = (remarkSmartypants as unknown as () => (tree: Node) => void)();
  return (tree: Node) => {
    if (hasTextToChange(tree)) transform(tree);
  };
}
