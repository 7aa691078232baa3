import type { CDPSession, Page } from 'playwright-core';
import { pinyin } from 'pinyin-pro';

/**
 * Pinyin-style input through Chrome's own IME path: the composition grows letter by letter
 * ("x" → "xu" → "xue"), then the chosen characters are committed. Committing one character (or
 * one word) after another is what a secretary does, and what exposes editors that reorder text.
 */
export type CommitUnit = 'char' | 'word';

const HAN = /\p{Script=Han}/u;

/** The text split into what one commit holds: single characters, or two-character words. */
export function commits(text: string, unit: CommitUnit): string[] {
  const chars = [...text];
  if (unit === 'char') return chars;
  const out: string[] = [];
  for (const ch of chars) {
    const last = out.at(-1);
    if (last && HAN.test(ch) && HAN.test(last) && [...last].length < 2) out[out.length - 1] += ch;
    else out.push(ch);
  }
  return out;
}

/** Types `text` through composition events, committing per character or per word. */
export async function imeType(cdp: CDPSession, text: string, unit: CommitUnit): Promise<void> {
  for (const piece of commits(text, unit)) {
    if (HAN.test(piece)) {
      const letters = pinyin(piece, { toneType: 'none', type: 'array' }).join('');
      for (let i = 1; i <= letters.length; i++) {
        const step = letters.slice(0, i);
        await cdp.send('Input.imeSetComposition', {
          text: step,
          selectionStart: step.length,
          selectionEnd: step.length,
        });
      }
    }
    // Chinese punctuation is committed straight away, as IMEs do.
    await cdp.send('Input.insertText', { text: piece });
  }
}

/** The body editor of the open entry (the last rich text area on the page). */
export function bodyEditor(page: Page) {
  return page.locator('[contenteditable="true"]').last();
}

/** Puts the caret right after `anchor` inside the body editor's text. */
export async function caretAfter(page: Page, anchor: string): Promise<void> {
  const found = await bodyEditor(page).evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at >= 0) {
        const offset = at + needle.length;
        document.getSelection()?.setBaseAndExtent(node, offset, node, offset);
        return true;
      }
    }
    return false;
  }, anchor);
  if (!found) throw new Error(`正文里找不到“${anchor}”`);
  // Editors read the new selection on the next selectionchange event: let it arrive.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
}
