import { OllamamonError } from './ollamamon-error';

const marker = Symbol.for('ollamamon.error.invalid-response');

/** One problem found in a response, with the path of the field. */
export interface ResponseIssue {
  /** Field path, e.g. `['models', 0, 'size']`. */
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** The response did not fit the expected shape of Ollama's API (wrong types, missing fields, bad JSON). */
export class InvalidResponseError extends OllamamonError {
  readonly [marker] = true;
  readonly host: string;
  readonly path: string;
  readonly issues: ReadonlyArray<ResponseIssue>;

  constructor(options: {
    host: string;
    path: string;
    issues: ReadonlyArray<ResponseIssue>;
    cause?: unknown;
  }) {
    const first = options.issues[0];
    const where = first ? formatIssuePath(first.path) : '(response)';
    super(
      `Unexpected response from ${options.host}${options.path}: ${where}: ${first?.message ?? 'invalid'}${options.issues.length > 1 ? ` (and ${options.issues.length - 1} more)` : ''}`,
      { cause: options.cause },
    );
    this.name = 'InvalidResponseError';
    this.host = options.host;
    this.path = options.path;
    this.issues = options.issues;
  }

  static override isInstance(value: unknown): value is InvalidResponseError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

/** `['models', 0, 'size']` → `models[0].size`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
