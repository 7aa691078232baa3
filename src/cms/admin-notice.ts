/** A message strip at the top of the CMS page (not a dialog): refusals and save reminders. */
export function showAdminNotice(kind: 'error' | 'warning', title: string, lines: string[]) {
  document.getElementById('cms-notice')?.remove();
  const box = document.createElement('div');
  box.id = 'cms-notice';
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.style.cssText = [
    'position:fixed;z-index:2147483647;top:12px;left:50%;transform:translateX(-50%)',
    'max-width:min(720px,calc(100vw - 24px));padding:14px 18px;border-radius:6px',
    'font:16px/1.7 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)',
    kind === 'error'
      ? 'background:#fff1f0;color:#7a0000;border:2px solid #b00020'
      : 'background:#fffbe6;color:#4a3500;border:2px solid #ad6800',
  ].join(';');
  const heading = document.createElement('strong');
  heading.textContent = title;
  box.append(heading);
  const list = document.createElement('ul');
  list.style.cssText = 'margin:6px 0 8px;padding-left:1.2em';
  for (const line of lines) {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  }
  box.append(list);
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '知道了';
  close.style.cssText = 'min-height:44px;padding:0 18px;font-size:16px;cursor:pointer';
  close.addEventListener('click', () => box.remove());
  box.append(close);
  document.body.append(box);
}
