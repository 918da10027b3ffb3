export {
  type BackupHeader,
  type BackupSection,
  backupFormatVersion,
  backupSections,
  type ModelfileRecord,
} from './backup/backup-format.ts';
export type {
  BackupResult,
  CreateBackupOptions,
  ModelfileSource,
} from './backup/create-backup.ts';
export {
  type BackupSchedule,
  type BackupScheduleOptions,
  createBackupSchedule,
} from './backup/create-backup-schedule.ts';
export type {
  RestoreBackupOptions,
  RestoreReport,
  SectionChanges,
} from './backup/restore-backup.ts';
export { listBackups, rotateBackups } from './backup/rotate-backups.ts';
export type { BenchRun, BenchRunInput, BenchStore } from './bench/create-bench-store.ts';
export type {
  Chat,
  ChatInput,
  ChatSummary,
  ChatsExport,
  ChatUpdate,
  DoneReason,
  ExportedChat,
  Message,
  MessageInput,
  MessageUpdate,
  ReplyMetrics,
  Role,
  SearchHit,
} from './chats/chat-schemas.ts';
export type { ChatStore } from './chats/create-chat-store.ts';
export { defaultHome, type StoreHome } from './default-home.ts';
export {
  BackupError,
  type BackupProblem,
  InvalidInputError,
  NotFoundError,
  SchemaVersionError,
  SettingsError,
  type SettingsIssue,
  StoreError,
} from './errors/index.ts';
export type { ModelNote, ModelNoteInput, NoteStore } from './notes/create-note-store.ts';
export { type OpenStoreOptions, openStore, type Store, schemaVersion } from './open-store.ts';
export type { PullItem, PullState, PullStore } from './pulls/create-pull-store.ts';
export type { SettingsStore } from './settings/create-settings-store.ts';
export type {
  Host,
  Profile,
  ProfileInput,
  RequestDefaults,
  SettingsFile,
  UiPreferences,
} from './settings/settings-schema.ts';
export type {
  ModelUsage,
  UsageRecord,
  UsageSample,
  UsageStore,
} from './usage/create-usage-store.ts';
export { packageVersion } from './version.ts';
