import { StoreError } from './store-error.ts';

/** One problem found in a settings (or profile) TOML text. */
export interface SettingsIssue {
  /** Dotted key path, e.g. `profiles.work.hosts[1].url`; empty for a syntax error. */
  key: string;
  /** 1-based line in the file, when it could be located. */
  line: number | undefined;
  /** 1-based column, known for syntax errors. */
  column: number | undefined;
  message: string;
}

/**
 * A settings file (or an imported profile) is not valid TOML or does not match the schema.
 * The store keeps using the last good settings; nothing is reset.
 */
export class SettingsError extends StoreError {
  override name = 'SettingsError';
  readonly file: string;
  readonly key: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly issues: SettingsIssue[];

  constructor(options: { file: string; issues: SettingsIssue[]; cause?: unknown }) {
    const first = options.issues[0] ?? {
      key: '',
      line: undefined,
      column: undefined,
      message: 'invalid settings',
    };
    const where = first.line === undefined ? options.file : `${options.file} line ${first.line}`;
    const key = first.key === '' ? '' : `${first.key}: `;
    const more = options.issues.length > 1 ? ` (and ${options.issues.length - 1} more)` : '';
    super(
      `${where}: ${key}${first.message}${more}. Fix the file; the last good settings stay in use.`,
      { cause: options.cause },
    );
    this.file = options.file;
    this.key = first.key;
    this.line = first.line;
    this.column = first.column;
    this.issues = options.issues;
  }
}
