/**
 * In the CMS on the publishing server: a small bar that says where the last publish stands
 * (已发布，网站更新中 / 网站已更新 / 更新失败：原因) and links to 发布记录. On a server without
 * releases (the dev server's local backend) the status request fails and nothing is shown.
 */
import CMS from 'decap-cms-core';

const STATUS_URL = '/api/releases/status';
const PAGE_URL = '/api/releases/page';

interface Status {
  state: 'updating' | 'live' | 'failed' | 'none';
  message: string;
}

const COLOURS: Record<Status['state'], [string, string]> = {
  updating: ['#fff8e1', '#8a6d00'],
  live: ['#eef7ee', '#2e7d32'],
  failed: ['#fdecea', '#b3261e'],
  none: ['#ffffff', '#767676'],
};

let bar: HTMLElement | undefined;
let text: HTMLElement | undefined;
let timer: number | undefined;

function render(status: Status) {
  if (!bar) {
    bar = document.createElement('div');
    bar.id = 'release-status';
    bar.setAttribute('role', 'status');
    bar.setAttribute('aria-live', 'polite');
    Object.assign(bar.style, {
      position: 'fixed',
      right: '8px',
      zIndex: '10000',
      maxWidth: 'min(34rem, calc(100vw - 16px))',
      display: 'flex',
      alignItems: 'center',
      gap: '.75rem',
      padding: '6px 12px',
      borderRadius: '6px',
      borderWidth: '2px',
      borderStyle: 'solid',
      font: '15px/1.4 system-ui, "Noto Sans CJK SC", sans-serif',
      color: '#1a1a1a',
      boxShadow: '0 1px 6px rgba(0,0,0,.12)',
    });
    text = document.createElement('span');
    const link = document.createElement('a');
    link.href = PAGE_URL;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = '发布记录';
    Object.assign(link.style, { color: '#0b4fa0', whiteSpace: 'nowrap', padding: '10px 0' });
    bar.append(text, link);
    document.body.append(bar);
  }
  // On a phone the server's sign-out bar takes the bottom left corner: stay above it.
  bar.style.bottom = window.matchMedia('(max-width: 640px)').matches ? '64px' : '8px';
  const [background, border] = COLOURS[status.state] ?? COLOURS.none;
  bar.style.background = background;
  bar.style.borderColor = border;
  text!.textContent =
    status.message.length > 90 ? `${status.message.slice(0, 90)}…` : status.message;
  text!.title = status.message;
}

async function refresh() {
  window.clearTimeout(timer);
  let status: Status | undefined;
  try {
    const response = await fetch(STATUS_URL, { credentials: 'same-origin' });
    if (response.status === 404) return;
    if (response.ok) status = (await response.json()) as Status;
  } catch {
    // Offline for a moment: try again later.
  }
  if (status) render(status);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- refresh catches its own errors
  timer = window.setTimeout(refresh, status?.state === 'updating' ? 3000 : 60_000);
}

const registry = CMS as unknown as {
  registerEventListener(listener: { name: string; handler: () => void }): void;
};
for (const name of ['postPublish', 'postUnpublish']) {
  registry.registerEventListener({
    name,
    handler: () => {
      // The server has the commit by now; its build starts at once.
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- refresh catches its own errors
      window.setTimeout(refresh, 300);
    },
  });
}
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refresh();
});
void refresh();
