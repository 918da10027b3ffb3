import { StoreError } from './store-error.ts';

/** Why a backup archive was refused. */
export type BackupProblem =
  | 'unreadable'
  | 'truncated'
  | 'corrupt'
  | 'foreign'
  | 'unsupported-version'
  | 'checksum-mismatch'
  | 'invalid-content'
  | 'modelfiles-unavailable';

/** A backup could not be written, or an archive was refused. When restoring, nothing was changed. */
export class BackupError extends StoreError {
  override name = 'BackupError';
  readonly file: string;
  readonly problem: BackupProblem;

  constructor(options: { file: string; problem: BackupProblem; message: string; cause?: unknown }) {
    super(`${options.file}: ${options.message}`, { cause: options.cause });
    this.file = options.file;
    this.problem = options.problem;
  }
}
