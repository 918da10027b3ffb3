import { StoreError } from './store-error.ts';

/** The database was written by a newer ollamamon; it is refused rather than damaged. */
export class SchemaVersionError extends StoreError {
  override name = 'SchemaVersionError';
  readonly file: string;
  readonly foundVersion: number;
  readonly supportedVersion: number;

  constructor(options: { file: string; foundVersion: number; supportedVersion: number }) {
    super(
      `${options.file} has schema version ${options.foundVersion}, but this ollamamon understands ` +
        `up to version ${options.supportedVersion}. Upgrade ollamamon to open it; the file was not changed.`,
    );
    this.file = options.file;
    this.foundVersion = options.foundVersion;
    this.supportedVersion = options.supportedVersion;
  }
}
