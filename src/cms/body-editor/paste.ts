import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { emphasisEdges } from './emphasis-edges.ts';
import { MARKDOWN_STYLE } from './markdown-style.ts';

/**
 * Clipboard content (Word, WPS, the WeChat editor, web pages, Excel, plain text) turned into clean
 * Markdown for the body: real lists and tables, headings starting at `##`, bold/italic and links
 * kept, and everything about looks (fonts, colours, sizes, indents, `mso-*`) dropped.
 */

export interface PastedMarkdown {
  markdown: string;
  /** Chinese notices for the secretary (pictures that must be uploaded). */
  notices: string[];
}

export const REMOTE_IMAGE_LABEL = '外部图片，请下载后上传';
export const MISSING_IMAGE_TEXT = '【此处原有一张图片，请另外上传】';

const HAN_OR_PUNCT = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
/** HTML line wraps between Chinese characters are not spaces (Word wraps its HTML at ~80 columns). */
const CJK_WRAP = new RegExp(`([${HAN_OR_PUNCT}])[ \\t]*\\r?\\n\\s*(?=[${HAN_OR_PUNCT}])`, 'gu');
const EDGE_SPACE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

function style(node: Element): string {
  const value = node.properties['style'];
  return typeof value === 'string' ? value : '';
}

function textOf(node: HastContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

function el(tagName: string, children: ElementContent[], properties = {}): Element {
  return { type: 'element', tagName, properties, children };
}

// ---- Word and WPS numbered paragraphs → real lists ----

interface ListParagraph {
  level: number;
  ordered: boolean;
  node: Element;
}

const ORDERED_MARKER =
  /^[(（]?[0-9a-zA-Z一二三四五六七八九十百ivxlcIVXLC]+[.)）、．]$|^[(（][^)）]+[)）]$/;

/** A Word/WPS list paragraph: `mso-list:l0 level2 lfo1` with its marker in a `mso-list:Ignore` span. */
function listParagraph(node: ElementContent): ListParagraph | undefined {
  if (node.type !== 'element' || node.tagName !== 'p') return undefined;
  const match = /mso-list:\s*l\d+\s+level(\d+)/i.exec(style(node));
  if (!match) return undefined;
  let marker = '';
  const strip = (parent: Element) => {
    parent.children = parent.children.filter((child) => {
      if (child.type !== 'element') return true;
      if (/mso-list:\s*ignore/i.test(style(child))) {
        marker += textOf(child);
        return false;
      }
      strip(child);
      return true;
    });
  };
  strip(node);
  marker = marker.replace(/[\s\u00a0]+/g, '');
  return { level: Number(match[1]), ordered: ORDERED_MARKER.test(marker), node };
}

/** Rebuilds nested `ul`/`ol` from consecutive list paragraphs. */
function buildLists(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let stack: { level: number; list: Element }[] = [];
  for (const child of children) {
    if (child.type === 'text' && !child.value.trim() && stack.length) continue;
    const item = listParagraph(child);
    if (!item) {
      stack = [];
      out.push(child);
      continue;
    }
    while (stack.length && stack.at(-1)!.level > item.level) stack.pop();
    const top = stack.at(-1);
    const tag = item.ordered ? 'ol' : 'ul';
    const li = el('li', [el('p', item.node.children)]);
    if (top && top.level === item.level && top.list.tagName === tag) {
      top.list.children.push(li);
      continue;
    }
    if (top && top.level === item.level) stack.pop();
    const list = el(tag, [li]);
    const parent = stack.at(-1);
    if (parent) {
      const lastItem = parent.list.children.at(-1) as Element | undefined;
      if (lastItem) lastItem.children.push(list);
      else parent.list.children.push(list);
    } else {
      out.push(list);
    }
    stack.push({ level: item.level, list });
  }
  return out;
}

// ---- the HTML tree cleaned before conversion ----

const DROP = new Set([
  'style',
  'script',
  'meta',
  'link',
  'title',
  'head',
  'xml',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'button',
  'input',
  'select',
  'textarea',
  'noscript',
]);

interface Counts {
  remote: number;
  missing: number;
}

function cleanImage(node: Element, counts: Counts): ElementContent {
  const src = String(node.properties['dataSrc'] ?? node.properties['src'] ?? '');
  const alt = String(node.properties['alt'] ?? '').trim();
  if (/^https?:\/\//i.test(src)) {
    counts.remote++;
    const label = alt ? `【${REMOTE_IMAGE_LABEL}】${alt}` : `【${REMOTE_IMAGE_LABEL}】`;
    return el('a', [{ type: 'text', value: label }], { href: src });
  }
  if (src.startsWith('/') && !src.startsWith('//')) return node;
  counts.missing++;
  return { type: 'text', value: MISSING_IMAGE_TEXT };
}

function clean(children: HastContent[] | ElementContent[], counts: Counts): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type === 'text') {
      out.push({ type: 'text', value: child.value.replace(CJK_WRAP, '$1') });
      continue;
    }
    if (child.type !== 'element') continue;
    const tag = child.tagName.toLowerCase();
    if (DROP.has(tag) || tag.includes(':')) {
      // Word's <o:p> holds only spacing; other namespaced tags carry no text worth keeping.
      continue;
    }
    if (tag === 'img') {
      out.push(cleanImage(child, counts));
      continue;
    }
    child.children = clean(child.children, counts);
    if (tag === 'td' || tag === 'th') child.children = flattenCell(child.children);
    if (tag === 'a') {
      const href = String(child.properties['href'] ?? '');
      // Page controls such as 【打印本页】 are javascript: links: gone with their text.
      if (/^\s*javascript:/i.test(href)) continue;
      if (!/^(https?:|mailto:|tel:|\/(?!\/))/i.test(href)) {
        // Anchors inside a document (#_Toc…), javascript: and file: links keep only their text.
        out.push(...child.children);
        continue;
      }
      child.properties = { href };
      out.push(child);
      continue;
    }
    const css = style(child);
    let result: Element = child;
    // Bold and italic set by style (WeChat, WPS) become real emphasis; all other styling goes.
    if (/font-weight:\s*(bold|[6-9]00)/i.test(css) && !['strong', 'b', 'th'].includes(tag)) {
      result = el('strong', [child]);
    }
    if (/font-style:\s*italic/i.test(css) && !['em', 'i'].includes(tag)) {
      result = el('em', [result]);
    }
    child.properties = pick(child);
    out.push(result);
  }
  return buildLists(out);
}

/**
 * A cell's paragraphs joined into one line: GFM cells hold one line, and hast-util-to-mdast
 * turns a cell with paragraphs into an extra empty row.
 */
function flattenCell(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'element' && ['p', 'div', 'section'].includes(child.tagName)) {
      const inner = flattenCell(child.children);
      if (inner.some((node) => textOf(node).trim()) || inner.some((n) => n.type === 'element')) {
        if (out.some((node) => textOf(node).trim())) out.push({ type: 'text', value: ' ' });
        out.push(...inner);
      }
    } else {
      out.push(child);
    }
  }
  return out;
}

/** Only the attributes that carry meaning survive. */
function pick(node: Element): Element['properties'] {
  const keep: Element['properties'] = {};
  if (node.properties['style'] && /mso-list/i.test(style(node))) keep['style'] = style(node);
  for (const key of ['colSpan', 'rowSpan', 'start', 'href', 'src', 'alt']) {
    if (node.properties[key] !== undefined) keep[key] = node.properties[key];
  }
  return keep;
}

// ---- the Markdown tree tidied after conversion ----

function isBlank(node: Nodes): boolean {
  if ('value' in node && typeof node.value === 'string') {
    return node.type !== 'html' && node.value.replace(EDGE_SPACE, '') === '';
  }
  if (node.type === 'image' || node.type === 'break' || node.type === 'thematicBreak') {
    return node.type === 'break';
  }
  return 'children' in node ? node.children.every((child) => isBlank(child)) : true;
}

function trimParagraph(node: { children: PhrasingContent[] }) {
  const first = node.children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^[\s\u3000\u00a0]+/, '');
  const last = node.children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/[\s\u3000\u00a0]+$/, '');
  while (node.children[0]?.type === 'break') node.children.shift();
  while (node.children.at(-1)?.type === 'break') node.children.pop();
}

function tidyTable(table: Table) {
  table.children = table.children.filter((row) => !isBlank(row));
  // A header row is bold already.
  for (const cell of table.children[0]?.children ?? []) {
    cell.children = cell.children.filter((child) => child.type !== 'text' || child.value.trim());
    const only = cell.children.length === 1 ? cell.children[0] : undefined;
    if (only?.type === 'strong') cell.children = only.children;
  }
  const width = Math.max(0, ...table.children.map((row) => row.children.length));
  for (const row of table.children) {
    for (const cell of row.children) {
      trimParagraph(cell);
      // A GFM cell holds one line.
      cell.children = cell.children.map((child) =>
        child.type === 'break' ? { type: 'text', value: ' ' } : child,
      );
    }
    while (row.children.length < width) row.children.push({ type: 'tableCell', children: [] });
  }
  table.align = Array.from({ length: width }, () => null);
}

function tidy(parent: { children: RootContent[] }, shift: number) {
  parent.children = parent.children.filter((child) => {
    if (child.type === 'html') return false;
    if (child.type === 'heading') {
      child.depth = Math.min(6, Math.max(2, child.depth + shift)) as 2 | 3 | 4 | 5 | 6;
    }
    if (child.type === 'paragraph' || child.type === 'heading') trimParagraph(child);
    if (child.type === 'table') tidyTable(child);
    if ('children' in child && child.type !== 'table' && child.type !== 'paragraph') {
      tidy(child, shift);
    }
    if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'table') {
      return !isBlank(child);
    }
    if (child.type === 'list' || child.type === 'listItem') child.spread = false;
    if (child.type === 'list' || child.type === 'listItem' || child.type === 'blockquote') {
      return child.children.length > 0;
    }
    return true;
  });
}

const TYPED_NUMBER = /^(\d+)[.、．]\s*/;

/** The text a paragraph starts with, and the node holding it (possibly inside bold). */
function leadingText(paragraph: Paragraph): { value: string } | undefined {
  let node: PhrasingContent | undefined = paragraph.children[0];
  while (node && 'children' in node && node.type !== 'link') node = node.children[0];
  return node?.type === 'text' ? node : undefined;
}

/** Paragraphs numbered by hand (1. 2. 3., as WeChat editors do) become a numbered list. */
function typedLists(parent: { children: RootContent[] }) {
  const out: RootContent[] = [];
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const run: Paragraph[] = [];
    for (let j = i; j < children.length; j++) {
      const node = children[j]!;
      const lead = node.type === 'paragraph' ? leadingText(node) : undefined;
      const number = lead ? TYPED_NUMBER.exec(lead.value) : null;
      if (!number || Number(number[1]) !== run.length + 1) break;
      run.push(node as Paragraph);
    }
    if (run.length < 2) {
      out.push(children[i]!);
      continue;
    }
    for (const paragraph of run) {
      const lead = leadingText(paragraph)!;
      lead.value = lead.value.replace(TYPED_NUMBER, '');
      emphasisEdges(paragraph);
      paragraph.children = paragraph.children.filter(
        (child) => !('children' in child) || !isBlank(child),
      );
      trimParagraph(paragraph);
    }
    out.push({
      type: 'list',
      ordered: true,
      start: 1,
      spread: false,
      children: run.map((paragraph) => ({
        type: 'listItem',
        spread: false,
        children: [paragraph],
      })),
    });
    i += run.length - 1;
  }
  parent.children = out;
}

function headingShift(tree: Root): number {
  let top = 7;
  const visit = (node: Nodes) => {
    if (node.type === 'heading') top = Math.min(top, node.depth);
    if ('children' in node) node.children.forEach((child) => visit(child));
  };
  visit(tree);
  return top === 7 ? 0 : 2 - top;
}

function plainText(text: string): Root {
  const paragraphs: Paragraph[] = text
    .split(/\r?\n/)
    .map((line) => line.replace(EDGE_SPACE, ''))
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph', children: [{ type: 'text', value: line }] }));
  return { type: 'root', children: paragraphs };
}

function notices(counts: Counts): string[] {
  const out: string[] = [];
  if (counts.remote) {
    out.push(
      `粘贴的内容里有 ${counts.remote} 张外部网站的图片，已改成“${REMOTE_IMAGE_LABEL}”的链接：网站不能显示外部图片，请把图片保存到电脑或手机，再用“图片”按钮上传，然后删除这个链接。`,
    );
  }
  if (counts.missing) {
    out.push(
      `有 ${counts.missing} 张图片没能随文字粘贴（Word、WPS 里的图片要单独上传），已在原处写上“${MISSING_IMAGE_TEXT}”：请用“图片”按钮上传。`,
    );
  }
  return out;
}

/** Clipboard HTML (or, without it, plain text) as clean Markdown and notices for the secretary. */
export function pasteToMarkdown(html: string, text: string): PastedMarkdown {
  const counts: Counts = { remote: 0, missing: 0 };
  let tree: Root;
  if (html.trim() && /<[a-z]/i.test(html)) {
    const hast = fromHtml(html, { fragment: true });
    hast.children = clean(hast.children, counts);
    tree = toMdast(hast) as Root;
  } else {
    tree = plainText(text);
  }
  tidy(tree, headingShift(tree));
  typedLists(tree);
  emphasisEdges(tree);
  const markdown = toMarkdown(tree, MARKDOWN_STYLE).replace(/\n+$/, '');
  return { markdown, notices: notices(counts) };
}
