/**
 * In the CMS page: what the write path said about a save, shown where the secretary looks and
 * left there until read. A refused save lists each field and what to change (Decap's own toast
 * goes after a few seconds); a save accepted with reminders (a draft's missing picture, an expired
 * pinned notice …) says so, since Decap itself only reports success.
 */
import { showAdminNotice } from './admin-notice.ts';
import { SAVE_WARNINGS_HEADER } from './names.ts';

interface FieldMessage {
  field?: string;
  message: string;
}

const WRITES = new Set(['persistEntry', 'persistMedia', 'deleteFile', 'deleteFiles']);

const lines = (messages: readonly FieldMessage[]) =>
  messages.map((m) => (m.field ? `${m.field}：${m.message}` : m.message));

function writeAction(init: RequestInit | undefined): string | undefined {
  if (typeof init?.body !== 'string') return undefined;
  try {
    const action = (JSON.parse(init.body) as { action?: unknown }).action;
    return typeof action === 'string' && WRITES.has(action) ? action : undefined;
  } catch {
    return undefined;
  }
}

async function report(response: Response) {
  const header = response.headers.get(SAVE_WARNINGS_HEADER);
  if (response.ok && header) {
    const warnings = JSON.parse(decodeURIComponent(header)) as FieldMessage[];
    showAdminNotice('warning', '已保存，但请注意：', lines(warnings));
  } else if (!response.ok && response.status < 500) {
    const { error, problems } = (await response.clone().json()) as {
      error?: string;
      problems?: FieldMessage[];
    };
    const listed = problems && problems.length > 0 ? lines(problems) : [error ?? ''];
    showAdminNotice('error', '没有保存，请先改正：', listed.filter(Boolean));
  }
}

export function installSaveFeedback(target: Window = window) {
  const original = target.fetch.bind(target);
  target.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await original(input, init);
    if (writeAction(init))
      await report(response).catch(() => {
        // Feedback is a courtesy: a response it cannot read must not break the save.
      });
    return response;
  };
}
