import type { Page } from 'playwright-core';

/** One visible text run or tap target that a size floor is checked against. */
export interface Measured {
  /** A short CSS-like path to the element, e.g. main > ul.entry-list > li > p.meta > time. */
  element: string;
  /** The first characters of its text (or its label). */
  text: string;
  /** Rendered font size in CSS px (for text), or the smaller side of the box (for targets). */
  size: number;
  width: number;
  height: number;
  /** True for text a resident must read: dates, badges, table cells, notes, hints. */
  mustRead: boolean;
}

export interface PageScan {
  texts: Measured[];
  targets: Measured[];
}

/**
 * Everything the reader sees on the page at its current size and mode: every visible run of text
 * with its rendered font size (SVG text through its scale on screen), and every link, button and
 * form control that stands on its own, i.e. is not a link inside a sentence (WCAG 2.5.8's inline
 * exception). Runs inside the page.
 */
export function scanPage(page: Page, root = 'body'): Promise<PageScan> {
  return page.evaluate((rootSelector) => {
    const MUST_READ =
      'time, .badge, .meta, td, th, caption, [class*="hint"], [class*="note"], [data-must-read]';
    const BLOCK = new Set(['block', 'flex', 'grid', 'list-item', 'table-cell', 'flow-root']);

    function path(element: Element): string {
      const parts: string[] = [];
      let current: Element | null = element;
      while (current && current !== document.body && parts.length < 5) {
        const classes = [...current.classList].slice(0, 2).map((name) => `.${name}`);
        parts.unshift(
          `${current.tagName.toLowerCase()}${current.id ? `#${current.id}` : ''}${classes.join('')}`,
        );
        current = current.parentElement;
      }
      return parts.join(' > ');
    }

    function visible(element: Element): boolean {
      if (
        element.closest(
          '[hidden], [aria-hidden="true"] [hidden], .visually-hidden, .skip-link:not(:focus)',
        )
      )
        return false;
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible' || Number(style.opacity) === 0) return false;
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    }

    /** The size text is drawn at: SVG text is scaled by its viewBox. */
    function renderedSize(element: Element): number {
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (element instanceof SVGElement) {
        const matrix = (element as SVGGraphicsElement).getScreenCTM?.();
        if (matrix) return size * Math.hypot(matrix.a, matrix.b);
      }
      return size;
    }

    const rootElement = document.querySelector(rootSelector) ?? document.body;
    const texts: Measured[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(rootElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || seen.has(parent)) continue;
      if (parent.closest('script, style, noscript, template, title')) continue;
      seen.add(parent);
      if (!visible(parent)) continue;
      const box = parent.getBoundingClientRect();
      texts.push({
        element: path(parent),
        text: text.slice(0, 20),
        size: Math.round(renderedSize(parent) * 10) / 10,
        width: Math.round(box.width),
        height: Math.round(box.height),
        mustRead: parent.closest(MUST_READ) !== null,
      });
    }

    /**
     * A link inside a sentence: inline, in a block with words of its own beside the link (a badge
     * before a title is a label, not a sentence).
     */
    function inRunningText(element: Element): boolean {
      if (element.tagName !== 'A') return false;
      if (getComputedStyle(element).display !== 'inline') return false;
      let block = element.parentElement;
      while (block && !BLOCK.has(getComputedStyle(block).display)) block = block.parentElement;
      if (!block) return false;
      const words = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = words.nextNode(); node; node = words.nextNode()) {
        const owner = node.parentElement;
        if (!node.textContent?.trim() || !owner) continue;
        if (element.contains(owner) || owner.closest('.badge')) continue;
        return true;
      }
      return false;
    }

    const targets: Measured[] = [];
    for (const element of rootElement.querySelectorAll(
      'a[href], button, summary, input:not([type="hidden"]), select, textarea, [role="button"]',
    )) {
      if (!visible(element) || inRunningText(element)) continue;
      // A check box is hit through its label, which is the target a finger sees.
      const label = element.matches('input:is([type="checkbox"], [type="radio"])')
        ? element.closest('label')
        : null;
      const box = (label ?? element).getBoundingClientRect();
      targets.push({
        element: path(element),
        text: (element.textContent?.trim() || element.getAttribute('aria-label') || '').slice(
          0,
          20,
        ),
        size: Math.round(Math.min(box.width, box.height) * 10) / 10,
        width: Math.round(box.width * 10) / 10,
        height: Math.round(box.height * 10) / 10,
        mustRead: false,
      });
    }
    return { texts, targets };
  }, root);
}

/** "4 处：time 16.2px「2026年3月15日」 …", the smallest first, for a failure message. */
export function describe(items: Measured[], unit = 'px'): string {
  return [...items]
    .sort((a, b) => a.size - b.size)
    .slice(0, 12)
    .map((item) => `${item.element} ${item.size}${unit}「${item.text}」`)
    .join('\n  ');
}
