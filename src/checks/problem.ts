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
