import { fieldContainerOf, fieldLabelOf } from './field-dom.ts';

/**
 * When Decap refuses to save, its toast only says something is missing and the reasons hide in
 * collapsed rows. This box lists every field with an error and why, and clicking a line goes to
 * the field. It follows the form: it goes away once the errors are fixed.
 */

const BOX = 'save-refused';
const STYLE = `
.${BOX} { position: fixed; bottom: 16px; left: 16px; z-index: 400;
  width: min(560px, calc(100vw - 24px)); max-height: 60vh; overflow: auto; padding: 12px 16px;
  background: #fff; border: 2px solid #b3261e; border-radius: 6px; box-shadow: 0 4px 16px #0003;
  color: #2a2a2a; font-size: 15px; line-height: 1.7; }
.${BOX} p { margin: 0 0 4px; font-weight: 600; color: #b3261e; }
.${BOX} ul { margin: 0; padding-left: 1.2em; }
.${BOX} button { font: inherit; }
.${BOX} .${BOX}-go { border: 0; background: none; padding: 0; color: #0b57d0; text-decoration: underline; cursor: pointer; text-align: left; }
.${BOX} .${BOX}-close { margin-top: 8px; padding: 4px 14px; cursor: pointer; }
`;

interface FieldError {
  label: string;
  reasons: string[];
  container: HTMLElement;
}

/** Each field showing an error, innermost first; a list row's errors name the list too. */
function fieldErrors(): FieldError[] {
  const found: FieldError[] = [];
  for (const list of document.querySelectorAll('label + ul')) {
    const reasons = [...list.querySelectorAll('li')]
      .map((li) => li.textContent?.trim() ?? '')
      .filter(Boolean);
    const container = fieldContainerOf(list);
    if (reasons.length === 0 || !container) continue;
    const parent = fieldContainerOf(container.parentElement);
    const label = fieldLabelOf(container);
    found.push({
      label: parent ? `${fieldLabelOf(parent)} → ${label}` : label,
      reasons,
      container,
    });
  }
  return found;
}

let dismissed = '';

function render() {
  const errors = fieldErrors();
  const key = JSON.stringify(errors.map((e) => [e.label, e.reasons]));
  const old = document.querySelector(`.${BOX}`);
  if (errors.length === 0 || key === dismissed) {
    old?.remove();
    if (errors.length === 0) dismissed = '';
    return;
  }
  if (old?.getAttribute('data-key') === key) return;
  const box = document.createElement('div');
  box.className = BOX;
  box.setAttribute('role', 'alert');
  box.dataset.key = key;
  const title = document.createElement('p');
  title.textContent = `还不能保存：${errors.length} 项需要改正`;
  const list = document.createElement('ul');
  for (const error of errors) {
    const item = document.createElement('li');
    const go = document.createElement('button');
    go.type = 'button';
    go.className = `${BOX}-go`;
    go.textContent = `${error.label}：${error.reasons.join('；')}`;
    go.addEventListener('click', () => {
      error.container.scrollIntoView({ block: 'center' });
      error.container
        .querySelector<HTMLElement>('input, textarea, select, [contenteditable="true"]')
        ?.focus();
    });
    item.append(go);
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = `${BOX}-close`;
  close.textContent = '知道了';
  close.addEventListener('click', () => {
    dismissed = key;
    box.remove();
  });
  box.append(title, list, close);
  old?.remove();
  document.body.append(box);
}

/** After 新增… in a list, the cursor goes into the new row, ready to type. */
function focusNewRow(event: Event) {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button || !/^(?:新增|添加)/.test(button.textContent?.trim() ?? '')) return;
  const list = fieldContainerOf(button);
  if (!list) return;
  const before = new Set(list.querySelectorAll('input, textarea'));
  const observer = new MutationObserver(() => {
    const fresh = [...list.querySelectorAll<HTMLElement>('input, textarea')].filter(
      (el) => !before.has(el),
    );
    if (fresh.length === 0) return;
    observer.disconnect();
    fresh[0]?.focus();
  });
  observer.observe(list, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 3000);
}

/** Starts the save-refused summary and the new-row focus. */
export function startFormErrors(): void {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  let queued = false;
  new MutationObserver((records) => {
    if (queued || records.every((r) => r.target instanceof Element && r.target.closest(`.${BOX}`)))
      return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      render();
    });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  document.addEventListener('click', focusNewRow, true);
}
