import type { PrivacyFinding } from '../lib/privacy/index.ts';
import { sectionPath } from '../lib/routes.ts';
import { fieldContainerOf, textOf } from './field-dom.ts';

/**
 * The privacy guard in the browser: as the secretary types in any field (the body editor
 * included), the same checks as `npm run check` run on that field and a Chinese hint under it
 * says what to mask and how, before 发布 is pressed. The save is still checked on the server.
 */

const HINT = 'privacy-hint';
const STYLE = `
.${HINT} { margin: 8px 0 0; padding: 8px 12px; border-left: 4px solid #b3261e; background: #fdecea;
  color: #5f1410; font-size: 15px; line-height: 1.7; }
.${HINT}[data-severity="warning"] { border-color: #8a4b00; background: #fff4e0; color: #4d2a00; }
.${HINT} p { margin: 0; font-weight: 600; }
.${HINT} ul { margin: 4px 0 0; padding-left: 1.2em; }
`;

const published = { names: [] as string[], phones: [] as string[] };

/** The cadres' names and phones as the public contact page shows them: public by design. */
async function loadPublished(): Promise<void> {
  try {
    const response = await fetch(sectionPath('contacts'), { credentials: 'same-origin' });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    published.names = [...page.querySelectorAll('h2[id$="-name"]')]
      .map((el) => el.textContent?.trim() ?? '')
      .filter(Boolean);
    published.phones = [...page.querySelectorAll('a[href^="tel:"]')].map((a) =>
      (a.getAttribute('href') ?? '').slice(4),
    );
  } catch {
    // Offline or no contact page: cadres' names may then be hinted, never refused here.
  }
}

/** On a contact card or the site settings, the phones typed in the form are the published ones. */
function formPhones(): string[] {
  if (!/\/collections\/(?:contacts|settings)\//.test(location.hash)) return [];
  return [...document.querySelectorAll('input')]
    .filter((input) => /电话/.test(input.labels?.[0]?.textContent ?? ''))
    .map((input) => input.value);
}

export function hintFor(findings: PrivacyFinding[]): HTMLElement | undefined {
  if (findings.length === 0) return undefined;
  const refused = findings.some((f) => f.severity === 'error');
  const box = document.createElement('div');
  box.className = HINT;
  box.dataset.severity = refused ? 'error' : 'warning';
  box.setAttribute('role', 'status');
  const title = document.createElement('p');
  title.textContent = refused
    ? '个人信息：这样写不能保存，请按下面的改法改正'
    : '个人信息提醒：可以保存，但请确认';
  const list = document.createElement('ul');
  for (const finding of findings.slice(0, 6)) {
    const item = document.createElement('li');
    item.textContent = finding.message;
    list.append(item);
  }
  box.append(title, list);
  return box;
}

// The guard and its name lists load on the first edit, not with the CMS page.
let guard: Promise<typeof import('../lib/privacy/index.ts')> | undefined;
const loadGuard = () => (guard ??= import('../lib/privacy/index.ts'));

async function show(container: HTMLElement, text: string) {
  const { findPrivacyIssues } = await loadGuard();
  const contact = /\/collections\/(?:contacts|settings)\//.test(location.hash);
  const findings = findPrivacyIssues(text, {
    allowedNames: published.names,
    allowedPhones: [...published.phones, ...formPhones()],
    publicContact: contact,
  });
  const old = container.querySelector(`:scope > .${HINT}`);
  const next = hintFor(findings);
  if (old && next && old.textContent === next.textContent) return;
  old?.remove();
  if (next) container.append(next);
}

const pending = new Map<HTMLElement, ReturnType<typeof setTimeout>>();

function onEdit(event: Event) {
  const target = event.target instanceof Element ? event.target : null;
  if (!target || target.closest(`.${HINT}`)) return;
  const container = fieldContainerOf(target);
  if (!container) return;
  clearTimeout(pending.get(container));
  pending.set(
    container,
    setTimeout(() => {
      pending.delete(container);
      const text = textOf(target);
      if (text !== undefined) void show(container, text);
    }, 250),
  );
}

/** Starts the live privacy hints on this page. */
export function startPrivacyHints(): void {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  void loadPublished();
  for (const type of ['input', 'compositionend', 'paste', 'drop', 'keyup'])
    document.addEventListener(type, onEdit, true);
}
