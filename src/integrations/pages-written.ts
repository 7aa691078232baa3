/**
 * Lets whoever runs a build learn that every page is written and only the search index is left:
 * the publishing server's build process puts the new pages live while Pagefind works. The
 * listener sits on globalThis because that process and the project's astro.config.mjs load this
 * module from two copies of the project. Without a listener (any other build) nothing happens.
 */
const LISTENER = Symbol.for('dangzhibu.pages-written');

type Listener = (siteDir: string) => void;

export function listenForPagesWritten(listener: Listener | undefined): void {
  (globalThis as Record<symbol, unknown>)[LISTENER] = listener;
}

export function announcePagesWritten(siteDir: string): void {
  const listener = (globalThis as Record<symbol, unknown>)[LISTENER];
  if (typeof listener === 'function') (listener as Listener)(siteDir);
}
