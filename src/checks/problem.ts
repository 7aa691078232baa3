/** One thing wrong with the content, said so that a secretary can fix it. */
export interface Problem {
  /** Path relative to the repository root, e.g. content/study/2026-03.md */
  file: string;
  line?: number;
  /** The field as the CMS names it, e.g. 期号（issue）. */
  field?: string;
  message: string;
  /** Errors stop the build; warnings are printed only. */
  severity: 'error' | 'warning';
}

export function error(file: string, message: string, extra: Partial<Problem> = {}): Problem {
  return { file, message, severity: 'error', ...extra };
}

export function warning(file: string, message: string, extra: Partial<Problem> = {}): Problem {
  return { file, message, severity: 'warning', ...extra };
}

/**
 * A broken link or image in a draft does not reach the site yet: a warning that says it must be
 * fixed before publishing, so a half-written draft does not stop everyone else's build.
 */
export function errorUnlessDraft(
  draft: boolean,
  file: string,
  message: string,
  extra: Partial<Problem> = {},
): Problem {
  return draft
    ? warning(file, `（草稿，发布前需改正）${message}`, extra)
    : error(file, message, extra);
}
