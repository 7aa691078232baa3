import type { Editor } from '@tiptap/core';

export interface ToolbarButton {
  label: string;
  title?: string;
  /** Shows pressed/not pressed (aria-pressed). */
  toggle?: boolean;
  active?: boolean;
  disabled?: boolean;
  run: () => void;
}

/** The body editor's buttons, in the order a secretary reads them; table tools only in a table. */
export function toolbarButtons(editor: Editor, openMedia: () => void): ToolbarButton[] {
  const chain = () => editor.chain().focus();
  const inTable = editor.isActive('table');
  const buttons: ToolbarButton[] = [
    {
      label: '标题',
      title: '分节标题（二级标题）',
      toggle: true,
      active: editor.isActive('heading', { level: 2 }),
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      label: '小标题',
      title: '小节标题（三级标题）',
      toggle: true,
      active: editor.isActive('heading', { level: 3 }),
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      label: '加粗',
      toggle: true,
      active: editor.isActive('bold'),
      run: () => chain().toggleBold().run(),
    },
    {
      label: '倾斜',
      toggle: true,
      active: editor.isActive('italic'),
      run: () => chain().toggleItalic().run(),
    },
    {
      label: '• 列表',
      title: '项目列表',
      toggle: true,
      active: editor.isActive('bulletList'),
      run: () => chain().toggleBulletList().run(),
    },
    {
      label: '1. 列表',
      title: '编号列表',
      toggle: true,
      active: editor.isActive('orderedList'),
      run: () => chain().toggleOrderedList().run(),
    },
    {
      label: '引用',
      toggle: true,
      active: editor.isActive('blockquote'),
      run: () => chain().toggleBlockquote().run(),
    },
    {
      label: '链接',
      title: '把选中的文字做成链接',
      toggle: true,
      active: editor.isActive('link'),
      run: () => {
        const current = String(editor.getAttributes('link')['href'] ?? '');
        const href = window.prompt('链接地址（网址，或本站的路径，如 /notices/…/）', current);
        if (href === null) return;
        if (href.trim() === '') chain().extendMarkRange('link').unsetLink().run();
        else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
      },
    },
    { label: '图片', title: '插入已上传或新上传的图片', run: openMedia },
    {
      label: '表格',
      title: '插入一个 3 行 3 列的表格（第一行是表头）',
      disabled: inTable,
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
  ];
  if (inTable) {
    buttons.push(
      { label: '加一行', run: () => chain().addRowAfter().run() },
      { label: '加一列', run: () => chain().addColumnAfter().run() },
      { label: '删除行', run: () => chain().deleteRow().run() },
      { label: '删除列', run: () => chain().deleteColumn().run() },
      { label: '删除表格', run: () => chain().deleteTable().run() },
    );
  }
  buttons.push(
    {
      label: '撤销',
      disabled: !editor.can().undo(),
      run: () => chain().undo().run(),
    },
    {
      label: '重做',
      disabled: !editor.can().redo(),
      run: () => chain().redo().run(),
    },
  );
  return buttons;
}
