import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import {
  listItemToMarkdown,
  nodesToMarkdown,
  tableRowToMarkdown,
  type BlockSource,
  type ParsedMarkdown,
} from './markdown.ts';

/**
 * Writes the editor's document back as Markdown, keeping the source of every block (list item,
 * table row) the secretary did not change: opening an entry writes nothing, a one-word edit
 * rewrites only that paragraph's lines.
 */

interface Piece {
  text: string;
  /** Index of the original block this piece stands for (unchanged or edited), if any. */
  from: number | undefined;
}

/** Pairs each current node with the original it is (or was edited from), in order. */
function align(current: readonly PMNode[], originals: readonly PMNode[]) {
  const result: { node: PMNode; from: number | undefined; same: boolean }[] = [];
  let next = 0;
  current.forEach((node, i) => {
    for (let j = next; j < originals.length; j++) {
      if (originals[j] === node || originals[j]!.eq(node)) {
        result.push({ node, from: j, same: true });
        next = j + 1;
        return;
      }
    }
    const candidate = originals[next];
    const stillAhead =
      candidate && current.slice(i + 1).some((later) => later === candidate || later.eq(candidate));
    if (candidate && !stillAhead && candidate.type === node.type) {
      result.push({ node, from: next, same: false });
      next++;
    } else {
      result.push({ node, from: undefined, same: false });
    }
  });
  return result;
}

function join(pieces: Piece[], sources: readonly BlockSource[], separator: string): string {
  let out = '';
  pieces.forEach((piece, index) => {
    const before = pieces[index - 1];
    if (before) {
      const adjacent =
        before.from !== undefined && piece.from !== undefined && piece.from === before.from + 1;
      out += adjacent ? sources[before.from!]!.gap : separator;
    }
    out += piece.text;
  });
  return out;
}

function children(node: PMNode): PMNode[] {
  const list: PMNode[] = [];
  node.forEach((child) => list.push(child));
  return list;
}

const MARKER = /^\s*([-*+]|\d+[.)])[ \t]/;

function rewriteList(node: PMNode, original: PMNode, source: BlockSource): string {
  const parts = source.parts ?? [];
  const marker = MARKER.exec(parts[0]?.text ?? '')?.[1] ?? '-';
  const ordered = /\d/.test(marker);
  const start = ordered ? Number(/\d+/.exec(marker)![0]) : 0;
  const delimiter = ordered ? marker.replace(/\d+/, '') : marker;
  const pieces = align(children(node), children(original)).map(({ node: item, from, same }, i) => ({
    text:
      same && from !== undefined
        ? parts[from]!.text
        : listItemToMarkdown(
            item.toJSON() as JSONContent,
            ordered ? `${start + i}${delimiter}` : marker,
          ),
    from,
  }));
  const loose = parts.some((part, i) => i < parts.length - 1 && part.gap.includes('\n\n'));
  return join(pieces, parts, loose ? '\n\n' : '\n');
}

function rewriteTable(node: PMNode, original: PMNode, source: BlockSource): string | undefined {
  const parts = source.parts ?? [];
  const columns = (table: PMNode) => table.firstChild?.childCount ?? 0;
  if (columns(node) !== columns(original) || parts.length < 2) return undefined;
  const rows = align(children(node), children(original)).map(({ node: row, from, same }) => ({
    text:
      same && from !== undefined
        ? parts[from]!.text
        : tableRowToMarkdown(row.toJSON() as JSONContent),
    from,
  }));
  // The delimiter row (`| --- |`) lives in the gap after the header row.
  const delimiter = parts[0]!.gap;
  return rows
    .map((row, i) => (i === 0 ? row.text : (i === 1 ? delimiter : '\n') + row.text))
    .join('');
}

function rewrite(node: PMNode, original: PMNode, source: BlockSource): string {
  if (node.type !== original.type) return nodesToMarkdown([node.toJSON() as JSONContent]);
  const name = node.type.name;
  if ((name === 'bulletList' || name === 'orderedList') && source.parts) {
    return rewriteList(node, original, source);
  }
  if (name === 'table' && source.parts) {
    return rewriteTable(node, original, source) ?? nodesToMarkdown([node.toJSON() as JSONContent]);
  }
  return nodesToMarkdown([node.toJSON() as JSONContent]);
}

export class SourceKeeper {
  readonly #markdown: string;
  readonly #parsed: ParsedMarkdown;
  readonly #original: PMNode;

  /** `original` is the document built from `parsed.doc`, one top-level node per source block. */
  constructor(markdown: string, parsed: ParsedMarkdown, original: PMNode) {
    this.#markdown = markdown;
    this.#parsed = parsed;
    this.#original = original;
  }

  serialize(doc: PMNode): string {
    if (doc === this.#original || doc.eq(this.#original)) return this.#markdown;
    const { blocks, lead, trail } = this.#parsed;
    const originals = blocks.length ? children(this.#original) : [];
    const pieces = align(children(doc), originals)
      .map(({ node, from, same }) => {
        if (from === undefined)
          return { text: nodesToMarkdown([node.toJSON() as JSONContent]), from };
        const source = blocks[from]!;
        return { text: same ? source.text : rewrite(node, originals[from]!, source), from };
      })
      .filter((piece) => piece.text !== '');
    if (pieces.length === 0) return '';
    return lead + join(pieces, blocks, '\n\n') + (trail || '\n');
  }
}
