import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Deeper levels are indented no further: a phone column has no room for more. */
const MAX_DEPTH = 3;
const DEPTH = 'data-wx-depth';

/**
 * The 公众号 editor mangles lists inside lists (markers vanish, indentation doubles), so a nested
 * list's items move up into the list around it, right after their parent item, each with its own
 * marker written as text (“1. ”, “· ”) and a `wx-depth-N` class that indents it.
 */
export function flattenLists($: CheerioAPI, scope: Cheerio<AnyNode>): void {
  const outermost = scope
    .find('ul, ol')
    .toArray()
    .filter((list) => $(list).parents('ul, ol').length === 0);
  for (const list of outermost) flatten($, list);
  for (const item of scope.find(`li[${DEPTH}]`).toArray()) {
    const depth = Math.min(Number($(item).attr(DEPTH)), MAX_DEPTH);
    $(item).removeAttr(DEPTH).addClass(`wx-sub wx-depth-${depth}`);
  }
}

function flatten($: CheerioAPI, list: Element): void {
  for (const item of $(list).children('li').toArray()) {
    let anchor = item;
    // Nested lists may sit directly in the item or inside one of its paragraphs.
    const nestedLists = $(item)
      .find('ul, ol')
      .toArray()
      .filter((nested) => $(nested).parentsUntil(item, 'ul, ol').length === 0);
    for (const nested of nestedLists) {
      flatten($, nested);
      const ordered = nested.name === 'ol';
      let number = Number($(nested).attr('start') ?? 1) || 1;
      for (const sub of $(nested).children('li').toArray()) {
        const moved = $(sub);
        const depth = moved.attr(DEPTH);
        if (depth === undefined) {
          moved.prepend($('<span class="wx-marker"></span>').text(ordered ? `${number}. ` : '· '));
          number += 1;
        }
        moved.attr(DEPTH, String(Number(depth ?? 0) + 1));
        $(anchor).after(sub);
        anchor = sub;
      }
      $(nested).remove();
    }
  }
}
