import { createElement as h, type ReactNode } from 'react';
import { formatDate, formatMonth } from '../lib/format-date.ts';
import { formatPhone } from '../lib/phone.ts';
import { ui } from '../ui/strings.ts';
import siteCss from '../styles/global.css?inline';

/** What Decap hands a preview template (entry is an Immutable Map). */
export interface PreviewProps {
  entry: { getIn(path: string[]): unknown };
  widgetFor(name: string): ReactNode;
}

const PREVIEW_CSS = `
${siteCss}
body { padding: 1rem 1.2rem; }
.preview { max-width: var(--measure); margin: 0 auto; }
.preview .meta { color: var(--ink-soft); }
.preview .badge { display: inline-block; background: var(--red); color: #fff; border-radius: 4px; padding: 0 .4em; margin-right: .5em; }
.preview .summary { font-size: 1.05rem; color: var(--ink-soft); border-left: 4px solid var(--gold); padding-left: .8em; }
.preview .figures { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0; }
.preview .figures li { border: 1px solid var(--line); border-radius: var(--radius); padding: .4rem .8rem; }
.preview .figures strong { display: block; font-size: 1.4rem; color: var(--red); }
.preview .empty { color: #8a8a8a; }
`;

function text(props: PreviewProps, field: string): string {
  const value = props.entry.getIn(['data', field]);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function safeDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : iso;
}

function page(...children: ReactNode[]) {
  return h('article', { className: 'preview' }, h('style', null, PREVIEW_CSS), ...children);
}

function header(props: PreviewProps, badges: string[], facts: string[]) {
  const title = text(props, 'title') || text(props, 'name');
  return h(
    'header',
    null,
    h('h1', null, title || h('span', { className: 'empty' }, '（未填写标题）')),
    h(
      'p',
      { className: 'meta' },
      ...badges
        .filter(Boolean)
        .map((badge) => h('span', { className: 'badge', key: badge }, badge)),
      facts.filter(Boolean).join(' · '),
    ),
  );
}

function summary(props: PreviewProps) {
  const value = text(props, 'summary');
  return value ? h('p', { className: 'summary' }, value) : null;
}

export function StudyPreview(props: PreviewProps) {
  const month = text(props, 'month');
  const issue = text(props, 'issue');
  return page(
    header(
      props,
      [issue ? ui.issueNumber(Number(issue)) : ''],
      [/^\d{4}-\d{2}$/.test(month) ? formatMonth(month) : month, safeDate(text(props, 'date'))],
    ),
    summary(props),
    props.widgetFor('body'),
  );
}

export function ReportPreview(props: PreviewProps) {
  const figures = props.entry.getIn(['data', 'figures']) as
    { toJS(): { label?: string; value?: number; unit?: string }[] } | undefined;
  const list = figures?.toJS() ?? [];
  return page(
    header(props, [text(props, 'kind')], [safeDate(text(props, 'date')), text(props, 'author')]),
    summary(props),
    list.length > 0
      ? h(
          'ul',
          { className: 'figures' },
          ...list.map((figure, index) =>
            h(
              'li',
              { key: index },
              h('strong', null, `${figure.value ?? ''}${figure.unit ?? ''}`),
              figure.label ?? '',
            ),
          ),
        )
      : null,
    props.widgetFor('body'),
  );
}

export function NoticePreview(props: PreviewProps) {
  const pinned = props.entry.getIn(['data', 'pinned']) === true;
  const expires = text(props, 'expires');
  return page(
    header(
      props,
      [pinned ? ui.pinned : ''],
      [safeDate(text(props, 'date')), expires ? `${ui.expiresOn}：${safeDate(expires)}` : ''],
    ),
    summary(props),
    props.widgetFor('body'),
  );
}

export function ContactPreview(props: PreviewProps) {
  const phone = text(props, 'phone');
  const rows: [string, string][] = [
    [ui.contacts.duties, text(props, 'duties')],
    [ui.contacts.phone, phone ? formatPhone(phone) : ''],
    [ui.supervisionPhone, text(props, 'supervisionPhone')],
    [ui.contacts.area, text(props, 'area')],
    [ui.contacts.households, text(props, 'households')],
    [ui.contacts.reception, text(props, 'reception')],
  ];
  return page(
    header(props, [], [text(props, 'role')]),
    h(
      'dl',
      null,
      ...rows
        .filter(([, value]) => value)
        .flatMap(([label, value]) => [
          h('dt', { key: `${label}-t` }, label),
          h('dd', { key: `${label}-d` }, value),
        ]),
    ),
    props.widgetFor('body'),
  );
}
