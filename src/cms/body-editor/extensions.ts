import { Node, type Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/**
 * Markdown the editor cannot show as formatting (raw HTML, footnotes, reference links…) kept as
 * an untouchable block, so it is written back exactly as it was.
 */
const RawBlock = Node.create({
  name: 'rawBlock',
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes: () => ({ source: { default: '' } }),
  parseHTML: () => [{ tag: 'pre[data-raw-markdown]' }],
  renderHTML: ({ node }) => [
    'pre',
    {
      'data-raw-markdown': '',
      class: 'raw-markdown',
      title: '这段是原样保留的代码，请在文件里修改',
    },
    String(node.attrs['source']),
  ],
});

/** The same for inline pieces (an HTML tag or a reference link inside a paragraph). */
const RawInline = Node.create({
  name: 'rawInline',
  group: 'inline',
  inline: true,
  atom: true,
  addAttributes: () => ({ source: { default: '' } }),
  parseHTML: () => [{ tag: 'code[data-raw-markdown]' }],
  renderHTML: ({ node }) => [
    'code',
    { 'data-raw-markdown': '', class: 'raw-markdown' },
    String(node.attrs['source']),
  ],
});

/** Everything the body editor knows: what Markdown can say, nothing more (no underline, colours). */
export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      underline: false,
      // Adding an empty paragraph after a final list or table would itself be an edit.
      trailingNode: false,
      link: { openOnClick: false, autolink: true, HTMLAttributes: { rel: null, target: null } },
      heading: { levels: [1, 2, 3, 4, 5, 6] },
    }),
    Image.configure({ inline: true }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    RawBlock,
    RawInline,
  ];
}
