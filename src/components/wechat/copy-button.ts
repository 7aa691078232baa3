/**
 * The 复制到公众号 button: puts the article (the element marked data-wechat-article) on the
 * clipboard as text/html and text/plain with ClipboardItem, or through a copy event where the
 * Clipboard API is missing or refused, and says in the status line whether it worked.
 */

type Outcome = 'copied' | 'fallback';

/** Where the asynchronous Clipboard API is missing or refused: the classic copy command. */
function copyWithCommand(html: string, text: string, article: HTMLElement): boolean {
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  };
  const selection = document.getSelection();
  const saved = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  // Some browsers fire the copy event only when something is selected.
  const range = document.createRange();
  range.selectNodeContents(article);
  selection?.removeAllRanges();
  selection?.addRange(range);
  document.addEventListener('copy', onCopy);
  try {
    // The only copy that works without the asynchronous Clipboard API, deprecated or not.
    return (document as { execCommand(command: 'copy'): boolean }).execCommand('copy');
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy);
    selection?.removeAllRanges();
    if (saved) selection?.addRange(saved);
  }
}

async function copyArticle(article: HTMLElement): Promise<Outcome> {
  const html = article.innerHTML;
  const text = article.innerText;
  let refused: Error | undefined;
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return 'copied';
    } catch (error) {
      refused = error as Error;
    }
  }
  if (copyWithCommand(html, text, article)) return 'fallback';
  throw refused ?? new Error('unsupported');
}

function setUp(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-wechat-copy]');
  const article = document.querySelector<HTMLElement>('[data-wechat-article]');
  const status = document.querySelector<HTMLElement>('[data-wechat-status]');
  if (!button || !article || !status) return;
  const say = (message: string, ok: boolean) => {
    status.textContent = message;
    status.dataset['state'] = ok ? 'ok' : 'error';
  };
  button.hidden = false;
  button.addEventListener('click', () => {
    status.textContent = '';
    delete status.dataset['state'];
    copyArticle(article).then(
      (outcome) =>
        say(
          (outcome === 'copied' ? button.dataset['copied'] : button.dataset['copiedFallback']) ??
            '',
          true,
        ),
      (error: unknown) => {
        const denied = error instanceof DOMException && error.name === 'NotAllowedError';
        const reason = (denied ? button.dataset['denied'] : button.dataset['unsupported']) ?? '';
        say((button.dataset['failed'] ?? '{reason}').replace('{reason}', reason), false);
      },
    );
  });
}

setUp();
