export { BackupError, type BackupProblem } from './backup-error.ts';
export { formatPath, InvalidInputError } from './invalid-input-error.ts';
export { NotFoundError } from './not-found-error.ts';
export { SchemaVersionError } from './schema-version-error.ts';
export { SettingsError, type SettingsIssue } from './settings-error.ts';
export { StoreError } from './store-error.ts';
