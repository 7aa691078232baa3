/**
 * The English and the product logo that Decap's parts put on the page outside its locale: the
 * drag-and-drop instructions and announcements of its list widget (dnd-kit's defaults), the
 * "sortable" role description, and the Decap logo on the login page. Also shows error messages
 * as written (Decap upper-cases them, so “zhuti-dangri” read “ZHUTI-DANGRI”).
 */

const STYLE = `
label + ul { text-transform: none !important; font-size: 14px !important; }
`;

const INSTRUCTIONS =
  '要移动这一项：按空格键拿起，用上下方向键移动到新位置，再按空格键放下；按 Esc 键取消。';

/** dnd-kit's default announcements, in Chinese. */
const ANNOUNCEMENTS: [RegExp, string][] = [
  [/^Picked up draggable item (.+)\.$/, '已拿起第 $1 项。'],
  [/^Draggable item (.+) was moved over droppable area (.+)\.$/, '第 $1 项已移到第 $2 项的位置。'],
  [/^Draggable item (.+) is no longer over a droppable area\.$/, '第 $1 项不在可放下的位置。'],
  [/^Draggable item (.+) was dropped over droppable area (.+)$/, '第 $1 项已放到第 $2 项的位置。'],
  [/^Draggable item (.+) was dropped\.$/, '第 $1 项已放下。'],
  [
    /^Dragging was cancelled\. Draggable item (.+) was dropped\.$/,
    '已取消移动，第 $1 项放回原处。',
  ],
];

function translate(text: string): string | undefined {
  for (const [pattern, chinese] of ANNOUNCEMENTS)
    if (pattern.test(text)) return text.replace(pattern, chinese);
  return undefined;
}

function fix(root: ParentNode) {
  for (const el of root.querySelectorAll<HTMLElement>('[id^="DndDescribedBy"]'))
    if (el.textContent !== INSTRUCTIONS) el.textContent = INSTRUCTIONS;
  for (const el of root.querySelectorAll<HTMLElement>('[id^="DndLiveRegion"]')) {
    const chinese = translate(el.textContent?.trim() ?? '');
    if (chinese) el.textContent = chinese;
  }
  for (const el of root.querySelectorAll('[aria-roledescription="sortable"]'))
    el.setAttribute('aria-roledescription', '可拖动排序的项');
  // The login page: Decap's logo is the only picture in the section that holds the 登录 button.
  for (const button of root.querySelectorAll('section button')) {
    if (button.textContent?.trim() !== '登录') continue;
    const section = button.closest('section');
    for (const logo of section?.querySelectorAll<HTMLElement>(':scope > span') ?? [])
      if (logo.querySelector('svg')) logo.style.display = 'none';
    if (section && !section.querySelector('[data-login-title]')) {
      const title = document.createElement('h1');
      title.dataset.loginTitle = '';
      title.textContent = document.title.replace(/\s*-\s*/, ' · ');
      title.style.cssText = 'font-size:28px;margin:0 0 24px;color:#2a2a2a;text-align:center';
      section.prepend(title);
    }
  }
}

/** Starts translating what Decap's parts add to the page. */
export function startPlainChinese(): void {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  fix(document);
  new MutationObserver(() => fix(document)).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-roledescription'],
  });
}
