import { AstroError } from 'astro/errors';

/**
 * Astro's error for a build stopped by something the secretary can fix: Astro prints the message
 * and, under it, the hint. It carries no stack: the message already names the file and the field,
 * and Astro would print a trace into this code after it (DESIGN.md: never a stack trace).
 */
export function fixableError(message: string, hint?: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}
