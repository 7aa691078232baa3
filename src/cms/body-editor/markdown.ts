import type { JSONContent } from '@tiptap/core';
import type {
  BlockContent,
  DefinitionContent,
  List,
  ListItem,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableRow,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import { emphasisEdges } from './emphasis-edges.ts';
import { MARKDOWN_STYLE } from './markdown-style.ts';

/**
 * Markdown ⇄ the editor's document (ProseMirror JSON, Tiptap's node names), through mdast.
 * Reading remembers each block's own source text so that writing can hand back untouched
 * blocks exactly as they were written.
 */

type Mark = NonNullable<JSONContent['marks']>[number];

/** Source text of one block (or list item, or table row) and what followed it. */
export interface BlockSource {
  text: string;
  /** Text between this block and the next one (blank lines, a table's delimiter row). */
  gap: string;
  /** List items or table rows, for rewriting only the changed ones. */
  parts?: BlockSource[] | undefined;
}

export interface ParsedMarkdown {
  doc: JSONContent;
  /** One entry per top-level node of `doc`, in order. */
  blocks: BlockSource[];
  /** Text before the first block and after the last one. */
  lead: string;
  trail: string;
}

export function parseMarkdownTree(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function slice(markdown: string, node: { position?: Root['position'] }): string {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return markdown.slice(start, end);
}

function sources(markdown: string, nodes: readonly RootContent[]): BlockSource[] {
  return nodes.map((node, index) => {
    const next = nodes[index + 1];
    const end = node.position?.end.offset ?? 0;
    const gap = next ? markdown.slice(end, next.position?.start.offset ?? end) : '';
    let parts: BlockSource[] | undefined;
    if (node.type === 'list') parts = sources(markdown, node.children);
    if (node.type === 'table') parts = sources(markdown, node.children);
    return { text: slice(markdown, node), gap, parts };
  });
}

// ---- mdast → editor JSON ----

function text(value: string, marks: Mark[]): JSONContent[] {
  return value ? [{ type: 'text', text: value, ...(marks.length ? { marks } : {}) }] : [];
}

function inline(nodes: readonly PhrasingContent[], markdown: string, marks: Mark[]): JSONContent[] {
  return nodes.flatMap((node): JSONContent[] => {
    switch (node.type) {
      case 'text':
        return text(node.value, marks);
      case 'strong':
        return inline(node.children, markdown, [...marks, { type: 'bold' }]);
      case 'emphasis':
        return inline(node.children, markdown, [...marks, { type: 'italic' }]);
      case 'delete':
        return inline(node.children, markdown, [...marks, { type: 'strike' }]);
      case 'inlineCode':
        return text(node.value, [{ type: 'code' }]);
      case 'link':
        return inline(node.children, markdown, [
          ...marks,
          { type: 'link', attrs: { href: node.url, title: node.title ?? null } },
        ]);
      case 'image':
        return [
          {
            type: 'image',
            attrs: { src: node.url, alt: node.alt ?? null, title: node.title ?? null },
          },
        ];
      case 'break':
        return [{ type: 'hardBreak' }];
      default:
        // Raw HTML, references, footnote calls: kept as they were written.
        return [{ type: 'rawInline', attrs: { source: slice(markdown, node) } }];
    }
  });
}

function paragraph(content: JSONContent[]): JSONContent {
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function listItem(item: ListItem, markdown: string): JSONContent {
  const content = item.children.map((child) => block(child, markdown));
  if (content[0]?.type !== 'paragraph') content.unshift(paragraph([]));
  return { type: 'listItem', content };
}

function tableRow(row: TableRow, header: boolean, markdown: string): JSONContent {
  return {
    type: 'tableRow',
    content: row.children.map((cell) => ({
      type: header ? 'tableHeader' : 'tableCell',
      content: [paragraph(inline(cell.children, markdown, []))],
    })),
  };
}

function block(
  node: RootContent | BlockContent | DefinitionContent,
  markdown: string,
): JSONContent {
  switch (node.type) {
    case 'paragraph':
      return paragraph(inline(node.children, markdown, []));
    case 'heading':
      return {
        type: 'heading',
        attrs: { level: node.depth },
        ...(node.children.length ? { content: inline(node.children, markdown, []) } : {}),
      };
    case 'thematicBreak':
      return { type: 'horizontalRule' };
    case 'blockquote':
      return {
        type: 'blockquote',
        content: node.children.length
          ? node.children.map((child) => block(child, markdown))
          : [paragraph([])],
      };
    case 'list':
      // Task lists have no checkbox in the editor: keep them as written.
      if (node.children.some((item) => typeof item.checked === 'boolean')) break;
      return node.ordered
        ? {
            type: 'orderedList',
            attrs: { start: node.start ?? 1 },
            content: node.children.map((item) => listItem(item, markdown)),
          }
        : { type: 'bulletList', content: node.children.map((item) => listItem(item, markdown)) };
    case 'code':
      return {
        type: 'codeBlock',
        attrs: { language: node.lang ?? null },
        ...(node.value ? { content: [{ type: 'text', text: node.value }] } : {}),
      };
    case 'table':
      return {
        type: 'table',
        content: node.children.map((row, index) => tableRow(row, index === 0, markdown)),
      };
    default:
      break;
  }
  return { type: 'rawBlock', attrs: { source: slice(markdown, node) } };
}

/** Reads a Markdown body into the editor's document, remembering each block's source. */
export function parseMarkdown(markdown: string): ParsedMarkdown {
  const tree = parseMarkdownTree(markdown);
  const nodes = tree.children;
  const blocks = sources(markdown, nodes);
  const content = nodes.map((node) => block(node, markdown));
  const first = nodes[0]?.position?.start.offset ?? markdown.length;
  const last = nodes.at(-1)?.position?.end.offset ?? markdown.length;
  return {
    doc: { type: 'doc', content: content.length ? content : [paragraph([])] },
    blocks,
    lead: nodes.length ? markdown.slice(0, first) : '',
    trail: nodes.length ? markdown.slice(last) : '\n',
  };
}

// ---- editor JSON → mdast → Markdown ----

const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'code'];

interface Run {
  node: JSONContent;
  marks: Mark[];
}

function markKey(mark: Mark): string {
  return JSON.stringify([mark.type, mark.attrs?.['href'] ?? null, mark.attrs?.['title'] ?? null]);
}

/** Nests marks so that neighbours sharing a mark share one wrapper (`**a *b***`, not `**a****b**`). */
function phrasing(runs: Run[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < runs.length) {
    const run = runs[i]!;
    const outer = [...run.marks].sort(
      (a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type),
    )[0];
    if (!outer) {
      out.push(leaf(run.node));
      i++;
      continue;
    }
    const key = markKey(outer);
    let j = i;
    while (j < runs.length && runs[j]!.marks.some((mark) => markKey(mark) === key)) j++;
    const inner = runs
      .slice(i, j)
      .map((r) => ({ node: r.node, marks: r.marks.filter((m) => markKey(m) !== key) }));
    out.push(wrap(outer, inner));
    i = j;
  }
  return out;
}

function wrap(mark: Mark, inner: Run[]): PhrasingContent {
  if (mark.type === 'code') {
    return { type: 'inlineCode', value: inner.map((r) => r.node.text ?? '').join('') };
  }
  const children = phrasing(inner);
  switch (mark.type) {
    case 'bold':
      return { type: 'strong', children };
    case 'italic':
      return { type: 'emphasis', children };
    case 'strike':
      return { type: 'delete', children };
    default: {
      const title: unknown = mark.attrs?.['title'];
      return {
        type: 'link',
        url: String(mark.attrs?.['href'] ?? ''),
        title: typeof title === 'string' && title ? title : null,
        children,
      };
    }
  }
}

function leaf(node: JSONContent): PhrasingContent {
  switch (node.type) {
    case 'hardBreak':
      return { type: 'break' };
    case 'image': {
      const { src, alt, title } = node.attrs ?? {};
      return {
        type: 'image',
        url: String(src ?? ''),
        alt: typeof alt === 'string' ? alt : '',
        title: typeof title === 'string' && title ? title : null,
      };
    }
    case 'rawInline':
      return { type: 'html', value: String(node.attrs?.['source'] ?? '') };
    default:
      return { type: 'text', value: node.text ?? '' };
  }
}

function toPhrasing(nodes: JSONContent[] | undefined): PhrasingContent[] {
  return phrasing((nodes ?? []).map((node) => ({ node, marks: node.marks ?? [] })));
}

function cellPhrasing(cell: JSONContent): PhrasingContent[] {
  // A GFM cell holds one line: paragraphs in a cell are joined with a space.
  return (cell.content ?? []).flatMap((child, index) => [
    ...(index ? [{ type: 'text', value: ' ' } as PhrasingContent] : []),
    ...toPhrasing(child.content),
  ]);
}

function toMdast(node: JSONContent): RootContent {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return { type: 'paragraph', children: toPhrasing(children) };
    case 'heading': {
      const level = Number(node.attrs?.['level'] ?? 2);
      return {
        type: 'heading',
        depth: Math.min(6, Math.max(1, level)) as 1 | 2 | 3 | 4 | 5 | 6,
        children: toPhrasing(children),
      };
    }
    case 'horizontalRule':
      return { type: 'thematicBreak' };
    case 'blockquote':
      return { type: 'blockquote', children: children.map(toMdast) as BlockContent[] };
    case 'bulletList':
    case 'orderedList':
      return {
        type: 'list',
        ordered: node.type === 'orderedList',
        start: node.type === 'orderedList' ? Number(node.attrs?.['start'] ?? 1) : null,
        spread: false,
        children: children.map((item): ListItem => ({
          type: 'listItem',
          spread: false,
          children: (item.content ?? []).map(toMdast) as BlockContent[],
        })),
      };
    case 'codeBlock': {
      const language: unknown = node.attrs?.['language'];
      return {
        type: 'code',
        lang: typeof language === 'string' && language ? language : null,
        value: children.map((child) => child.text ?? '').join(''),
      };
    }
    case 'table':
      return {
        type: 'table',
        align: null,
        children: children.map((row): TableRow => ({
          type: 'tableRow',
          children: (row.content ?? []).map((cell) => ({
            type: 'tableCell',
            children: cellPhrasing(cell),
          })),
        })),
      };
    case 'rawBlock':
      return { type: 'html', value: String(node.attrs?.['source'] ?? '') };
    default:
      return { type: 'paragraph', children: toPhrasing(children) };
  }
}

/** Markdown for editor nodes written from scratch (the site's style: `-` bullets, `##` headings). */
export function nodesToMarkdown(
  nodes: JSONContent[],
  options: Partial<ToMarkdownOptions> = {},
): string {
  const root: Root = { type: 'root', children: nodes.map(toMdast) };
  emphasisEdges(root);
  return toMarkdown(root, { ...MARKDOWN_STYLE, ...options }).replace(/\n+$/, '');
}

/** One list item as Markdown, with the marker (`-`, `*`, `3.`) of the list it sits in. */
export function listItemToMarkdown(item: JSONContent, marker: string): string {
  const ordered = /^(\d+)([.)])$/.exec(marker);
  const list: List = {
    type: 'list',
    ordered: Boolean(ordered),
    start: ordered ? Number(ordered[1]) : null,
    spread: false,
    children: [(toMdast({ type: 'bulletList', content: [item] }) as List).children[0]!],
  };
  const bullet = ordered ? undefined : (marker as '-' | '*' | '+');
  emphasisEdges(list);
  return toMarkdown(
    { type: 'root', children: [list] },
    {
      ...MARKDOWN_STYLE,
      ...(bullet ? { bullet, bulletOther: bullet === '-' ? '*' : '-' } : {}),
      ...(ordered ? { bulletOrdered: ordered[2] as '.' | ')' } : {}),
    },
  ).replace(/\n+$/, '');
}

/** One table row as a Markdown line. */
export function tableRowToMarkdown(row: JSONContent): string {
  const table: Table = { type: 'table', align: null, children: [] };
  const mdast = toMdast({ type: 'table', content: [row] }) as Table;
  table.children = mdast.children;
  emphasisEdges(table);
  const lines = toMarkdown({ type: 'root', children: [table] }, MARKDOWN_STYLE).split('\n');
  return lines[0] ?? '';
}
