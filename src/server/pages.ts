import { ROLE_LABELS } from './accounts.ts';
import type { SessionUser } from './session-user.ts';

/** Pages this server writes itself carry no inline code: styles and the one script are files. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface SignInView {
  siteName: string;
  next: string;
  login?: string;
  /** Shown above the form (role=alert). */
  message?: string;
  notice?: string;
}

/** The sign-in page: large text and targets, works without JavaScript. */
export function signInPage(view: SignInView): string {
  const alert = view.message
    ? `<p class="message error" role="alert">${escapeHtml(view.message)}</p>`
    : view.notice
      ? `<p class="message" role="status">${escapeHtml(view.notice)}</p>`
      : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>登录内容管理 - ${escapeHtml(view.siteName)}</title>
<link rel="stylesheet" href="/server-assets/signin.css">
<script src="/server-assets/signin.js" defer></script>
</head>
<body>
<main class="signin">
<h1>${escapeHtml(view.siteName)}</h1>
<p class="lead">内容管理登录</p>
${alert}
<form method="post" action="/login" id="signin-form">
<input type="hidden" name="next" value="${escapeHtml(view.next)}">
<label for="login">登录名</label>
<input id="login" name="login" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(view.login ?? '')}"${view.login ? '' : ' autofocus'}>
<label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${view.login ? ' autofocus' : ''}>
<button type="submit">登录</button>
</form>
<p class="help">忘记密码或没有账号，请找负责网站的同志用 <code>npm run users</code> 重设。连续输错多次会暂时锁定。</p>
</main>
</body>
</html>
`;
}

export const SIGNIN_CSS = `*{box-sizing:border-box}
html{font:18px/1.8 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#f4f1ec}
body{margin:0;min-height:100vh;display:flex;align-items:flex-start;justify-content:center;padding:2rem 1rem}
.signin{width:100%;max-width:26rem;background:#fff;border-top:6px solid #b5121b;border-radius:8px;padding:1.5rem 1.25rem 1.25rem;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:1.5rem;line-height:1.4;margin:0 0 .25rem;color:#8c0e15}
.lead{margin:0 0 1rem;color:#4a4a4a}
label{display:block;font-weight:600;margin-top:1rem}
input{display:block;width:100%;font:inherit;min-height:48px;padding:.4rem .75rem;border:2px solid #6b6b6b;border-radius:6px;margin-top:.25rem;background:#fff;color:inherit}
input:focus{outline:3px solid #1f5fbf;outline-offset:1px}
button{display:block;width:100%;margin-top:1.5rem;min-height:52px;font:inherit;font-weight:700;font-size:1.1rem;color:#fff;background:#b5121b;border:0;border-radius:6px;cursor:pointer}
button:focus{outline:3px solid #1f5fbf;outline-offset:2px}
.message{padding:.75rem 1rem;border-radius:6px;background:#e8f1e8;color:#1d4d1d;margin:0 0 .5rem}
.message.error{background:#fdecea;color:#8a1010;border:1px solid #e5a3a3}
.help{font-size:.9rem;color:#4a4a4a;margin:1.25rem 0 0}
code{font-size:.85em}
`;

/**
 * Decap's proxy backend asks for a click on its own 登录 button unless it remembers a user; the
 * server has already signed the person in, so tell Decap on submit and forget it after sign-out.
 */
export const SIGNIN_JS = `try{localStorage.removeItem('decap-cms-user')}catch(e){}
document.getElementById('signin-form')?.addEventListener('submit',function(){try{localStorage.setItem('decap-cms-user',JSON.stringify({backendName:'proxy'}))}catch(e){}});
`;

export const ADMIN_BAR_CSS = `.dzb-bar{position:fixed;left:8px;bottom:8px;z-index:10000;display:flex;align-items:center;gap:.5rem;font:15px/1.4 system-ui,"Noto Sans CJK SC",sans-serif;background:#fff;color:#1a1a1a;border:1px solid #c8c8c8;border-radius:6px;padding:4px 4px 4px 10px;box-shadow:0 1px 6px rgba(0,0,0,.12)}
.dzb-bar form{margin:0}
.dzb-bar button{font:inherit;min-height:36px;padding:0 .75rem;border:1px solid #8c0e15;color:#8c0e15;background:#fff;border-radius:4px;cursor:pointer}
@media print{.dzb-bar{display:none}}
`;

/** Who is signed in, and the way out, on every CMS page. */
export function adminBar(user: SessionUser): string {
  return `<div class="dzb-bar" id="dzb-bar"><span>${escapeHtml(user.name)}（${ROLE_LABELS[user.role]}）</span><form method="post" action="/logout"><button type="submit">退出登录</button></form></div>`;
}

/** A plain Chinese page for the few errors a person may see outside the CMS. */
export function messagePage(title: string, text: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/server-assets/signin.css"></head><body><main class="signin"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
}
