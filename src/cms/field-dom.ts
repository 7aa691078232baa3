/**
 * Where things are in Decap's editor form, read from its structure rather than its generated class
 * names: each field is a container whose first row holds the field's <label>.
 */

/** The innermost field container holding `node`, or null outside the form. */
export function fieldContainerOf(node: Element | null): HTMLElement | null {
  for (let el = node; el && el !== document.body; el = el.parentElement) {
    if (el instanceof HTMLElement && el.querySelector(':scope > div > label')) return el;
  }
  return null;
}

/** The field's label as the secretary sees it, without Decap's “(可选)”. */
export function fieldLabelOf(container: Element): string {
  const label = container.querySelector(':scope > div > label');
  return (label?.textContent ?? '').replace(/\s*[（(]可选[)）]\s*$/, '').trim();
}

/** What the secretary has written in an input, a text area or a rich text editor. */
export function textOf(node: Element): string | undefined {
  if (node instanceof HTMLInputElement)
    return node.type === 'text' || node.type === '' ? node.value : undefined;
  if (node instanceof HTMLTextAreaElement) return node.value;
  const editable = node.closest('[contenteditable="true"]');
  return editable instanceof HTMLElement ? editable.innerText : undefined;
}
