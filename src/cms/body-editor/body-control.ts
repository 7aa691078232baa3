import { Editor, type JSONContent } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { createElement as h, useEffect, useReducer, useRef, useState } from 'react';
import { bodyExtensions } from './extensions.ts';
import { SourceKeeper } from './keep-source.ts';
import { parseMarkdown } from './markdown.ts';
import { toolbarButtons } from './toolbar.ts';

/** What Decap hands a widget control (Immutable maps where noted). */
export interface BodyControlProps {
  value?: string | null;
  onChange(value: string): void;
  forID?: string;
  classNameWrapper?: string;
  setActiveStyle?(): void;
  setInactiveStyle?(): void;
  field?: { get(key: string): unknown };
  mediaPaths?: { get(id: string): unknown };
  onOpenMediaLibrary?(options: object): void;
  onRemoveInsertedMedia?(id: string): void;
}

interface Session {
  editor: Editor;
  keeper: SourceKeeper;
}

function load(editor: Editor, markdown: string): SourceKeeper {
  const parsed = parseMarkdown(markdown);
  editor.commands.setContent(parsed.doc, { emitUpdate: false });
  return new SourceKeeper(markdown, parsed, editor.state.doc);
}

/** Pasted Word/WPS/WeChat/web content becomes clean Markdown first, then editor content. */
function pasteHandler(onNotice: (notice: string) => void) {
  return (view: EditorView, event: ClipboardEvent): boolean => {
    const html = event.clipboardData?.getData('text/html') ?? '';
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!html && !text) return false;
    if (view.state.selection.$from.parent.type.spec.code) return false;
    event.preventDefault();
    void import('./paste.ts').then(({ pasteToMarkdown }) => {
      const pasted = pasteToMarkdown(html, text);
      const doc = view.state.schema.nodeFromJSON(parseMarkdown(pasted.markdown).doc);
      view.dispatch(view.state.tr.replaceSelection(Slice.maxOpen(doc.content)).scrollIntoView());
      onNotice(pasted.notices.join(''));
    });
    return true;
  };
}

/**
 * The body editor: what-you-see editing on ProseMirror (Tiptap), reading and writing Markdown.
 * Chinese input methods commit into ProseMirror's own DOM handling, which keeps text in order;
 * blocks the secretary did not touch are written back exactly as they were.
 */
export function BodyControl(props: BodyControlProps) {
  const host = useRef<HTMLDivElement>(null);
  const session = useRef<Session | null>(null);
  const written = useRef(props.value ?? '');
  const latest = useRef(props);
  latest.current = props;
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const [notice, setNotice] = useState('');
  const mediaId = useRef(`body-${Math.random().toString(36).slice(2)}`);

  useEffect(() => {
    const label = String((props.field?.get('label') as string | undefined) ?? '正文');
    const editor = new Editor({
      element: host.current!,
      extensions: bodyExtensions(),
      editorProps: {
        attributes: {
          ...(props.forID ? { id: props.forID } : {}),
          'aria-label': label,
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'body-editor-text',
        },
        handlePaste: pasteHandler(setNotice),
      },
      onUpdate: ({ editor: current }) => {
        const markdown = session.current?.keeper.serialize(current.state.doc);
        if (markdown === undefined || markdown === written.current) return;
        written.current = markdown;
        latest.current.onChange(markdown);
      },
      onSelectionUpdate: refresh,
      onTransaction: refresh,
      onFocus: () => latest.current.setActiveStyle?.(),
      onBlur: () => latest.current.setInactiveStyle?.(),
    });
    session.current = { editor, keeper: load(editor, written.current) };
    refresh();
    return () => {
      session.current = null;
      editor.destroy();
    };
  }, []);

  // A value from outside (a restored backup, a reloaded entry) replaces the document.
  useEffect(() => {
    const value = props.value ?? '';
    const current = session.current;
    if (!current || value === written.current) return;
    written.current = value;
    current.keeper = load(current.editor, value);
  }, [props.value]);

  // The media library hands back the chosen picture under this control's id.
  const picked = props.mediaPaths?.get(mediaId.current);
  useEffect(() => {
    if (typeof picked !== 'string' || !picked || !session.current) return;
    props.onRemoveInsertedMedia?.(mediaId.current);
    const alt = window.prompt('图片说明：为看不见图片的读者描述这张图片的内容', '') ?? '';
    const image: JSONContent = { type: 'image', attrs: { src: picked, alt } };
    session.current.editor.chain().focus().insertContent(image).run();
  }, [picked]);

  const editor = session.current?.editor;
  const openMedia = () =>
    props.onOpenMediaLibrary?.({
      controlID: mediaId.current,
      forImage: true,
      allowMultiple: false,
      value: [],
      field: props.field,
    });

  return h(
    'div',
    { className: `body-editor ${props.classNameWrapper ?? ''}` },
    h(
      'div',
      { className: 'body-editor-toolbar', role: 'toolbar', 'aria-label': '正文格式' },
      ...(editor ? toolbarButtons(editor, openMedia) : []).map((button) =>
        h(
          'button',
          {
            key: button.label,
            type: 'button',
            className: 'body-editor-button',
            title: button.title ?? button.label,
            'aria-pressed': button.toggle ? button.active : undefined,
            disabled: button.disabled,
            // Keep the caret in the text while pressing a button.
            onMouseDown: (event: { preventDefault(): void }) => event.preventDefault(),
            onClick: button.run,
          },
          button.label,
        ),
      ),
    ),
    notice ? h('p', { className: 'body-editor-notice', role: 'status' }, notice) : null,
    h('div', { ref: host, className: 'body-editor-host' }),
  );
}
