import type { z } from 'zod';
import { StoreError } from './store-error.ts';

/** A value passed to the store (or an imported file) does not match what the store accepts. */
export class InvalidInputError extends StoreError {
  override name = 'InvalidInputError';
  /** What was being checked, e.g. `chats.append message` or `chats import`. */
  readonly subject: string;
  readonly issues: { path: string; message: string }[];

  constructor(options: { subject: string; issues: { path: string; message: string }[] }) {
    const first = options.issues[0];
    const where = first && first.path !== '' ? ` at ${first.path}` : '';
    const more = options.issues.length > 1 ? ` (and ${options.issues.length - 1} more)` : '';
    super(`Invalid ${options.subject}${where}: ${first?.message ?? 'invalid value'}${more}`);
    this.subject = options.subject;
    this.issues = options.issues;
  }

  static fromZod(subject: string, error: z.ZodError): InvalidInputError {
    return new InvalidInputError({
      subject,
      issues: error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    });
  }
}

/** `['hosts', 1, 'url']` → `hosts[1].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}
