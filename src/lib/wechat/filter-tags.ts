import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { ALLOWED_TAGS, attributeAllowed } from './rules.ts';

/** Tags the editor drops, written as the nearest tag it keeps, with a class that styles them. */
const RENAME: Readonly<Record<string, { tag: string; className?: string }>> = {
  h1: { tag: 'h2' },
  h5: { tag: 'h4' },
  h6: { tag: 'h4' },
  b: { tag: 'strong' },
  i: { tag: 'em' },
  div: { tag: 'section' },
  figure: { tag: 'section' },
  article: { tag: 'section' },
  aside: { tag: 'section' },
  header: { tag: 'section' },
  footer: { tag: 'section' },
  details: { tag: 'section' },
  dl: { tag: 'section' },
  pre: { tag: 'section', className: 'wx-pre' },
  code: { tag: 'span', className: 'wx-code' },
  kbd: { tag: 'span', className: 'wx-code' },
  del: { tag: 'span', className: 'wx-del' },
  s: { tag: 'span', className: 'wx-del' },
  strike: { tag: 'span', className: 'wx-del' },
  ins: { tag: 'span', className: 'wx-underline' },
  u: { tag: 'span', className: 'wx-underline' },
  mark: { tag: 'span', className: 'wx-mark' },
  sub: { tag: 'span', className: 'wx-small' },
  small: { tag: 'span', className: 'wx-small' },
  figcaption: { tag: 'p', className: 'wx-caption' },
  caption: { tag: 'p', className: 'wx-caption' },
  summary: { tag: 'p' },
  dt: { tag: 'p', className: 'wx-dt' },
  dd: { tag: 'p', className: 'wx-dd' },
};

/** Elements that carry nothing a reader of the article would miss. */
const DROP = new Set(['script', 'style', 'link', 'meta', 'template', 'noscript', 'iframe', 'svg']);

/**
 * Leaves only the tags and attributes the 公众号 editor keeps: others are renamed to the nearest
 * kept tag (h1 → h2, pre → section, code → span …) or unwrapped to their content; a table
 * cell's `align` becomes `text-align`; task-list checkboxes become ☐/☑. `class` stays for the
 * stylesheet that is inlined next, and is removed with it.
 */
export function keepAllowedTags($: CheerioAPI, scope: Cheerio<AnyNode>): void {
  // Innermost first, so unwrapping a parent never skips its children.
  for (const element of scope.find('*').toArray().reverse()) {
    const tag = element.name;
    if (DROP.has(tag)) {
      $(element).remove();
      continue;
    }
    if (tag === 'input') {
      $(element).replaceWith($(element).is('[checked]') ? '☑ ' : '☐ ');
      continue;
    }
    if (tag === 'hr') {
      $(element).replaceWith('<section class="wx-hr"><br></section>');
      continue;
    }
    if (tag === 'code' && $(element).parent().is('pre')) {
      $(element).replaceWith($(element).contents());
      continue;
    }
    const align = $(element).attr('align');
    if ((tag === 'td' || tag === 'th') && align && /^(?:left|center|right)$/.test(align))
      $(element).attr('style', `text-align: ${align};`);
    const rename = RENAME[tag];
    if (rename) {
      element.name = rename.tag;
      if (rename.className) $(element).addClass(rename.className);
    }
    if (!ALLOWED_TAGS.has(element.name)) {
      $(element).replaceWith($(element).contents());
      continue;
    }
    stripAttributes(element);
  }
}

function stripAttributes(element: Element): void {
  for (const name of Object.keys(element.attribs)) {
    if (name === 'class' || attributeAllowed(element.name, name)) continue;
    delete element.attribs[name];
  }
}
