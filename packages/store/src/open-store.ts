import { join } from 'node:path';
import type { BackupHeader, BackupSection } from './backup/backup-format.ts';
import {
  type BackupResult,
  type CreateBackupOptions,
  createBackup,
} from './backup/create-backup.ts';
import { readBackup } from './backup/read-backup.ts';
import {
  type RestoreBackupOptions,
  type RestoreReport,
  restoreBackup,
} from './backup/restore-backup.ts';
import { type BenchStore, createBenchStore } from './bench/create-bench-store.ts';
import { type ChatStore, createChatStore } from './chats/create-chat-store.ts';
import { type Database, openDatabase } from './database/database.ts';
import { migrate } from './database/migrate.ts';
import { schemaVersion } from './database/migrations.ts';
import { defaultHome, type StoreHome } from './default-home.ts';
import { ensurePrivateDir } from './files/ensure-private-dir.ts';
import { createNoteStore, type NoteStore } from './notes/create-note-store.ts';
import { createPullStore, type PullStore } from './pulls/create-pull-store.ts';
import { createSettingsStore, type SettingsStore } from './settings/create-settings-store.ts';
import { createUsageStore, type UsageStore } from './usage/create-usage-store.ts';

export interface OpenStoreOptions {
  /**
   * Where the files live: one folder for everything, or `{ configDir, dataDir }` as
   * `defaultHome(process.env)` returns. @default the platform folders (env-paths)
   */
  home?: string | StoreHome;
  /** How long a write waits for another process holding the lock. @default 5000 */
  busyTimeoutMs?: number;
}

/** An open store. One per process is enough; several processes may open the same files. */
export interface Store {
  readonly home: StoreHome;
  /** Path of the SQLite database. */
  readonly databaseFile: string;
  /** Default folder of `createBackup`. */
  readonly backupsDir: string;
  readonly settings: SettingsStore;
  readonly chats: ChatStore;
  readonly notes: NoteStore;
  readonly usage: UsageStore;
  readonly bench: BenchStore;
  readonly pulls: PullStore;
  /** Write a backup archive (see CreateBackupOptions). */
  createBackup(options?: CreateBackupOptions): Promise<BackupResult>;
  /** Restore an archive: validated first, then applied in one transaction. */
  restoreBackup(file: string, options?: RestoreBackupOptions): Promise<RestoreReport>;
  /** Read and verify an archive's header and content without restoring it. */
  inspectBackup(file: string): { header: BackupHeader; sections: BackupSection[] };
  close(): void;
  [Symbol.dispose](): void;
}

/** The schema version this build of the store writes. */
export { schemaVersion };

/**
 * Open (creating if needed) the store: the SQLite database (WAL, migrated to the newest schema) and
 * settings.toml. Throws SchemaVersionError for a database from a newer ollamamon.
 *
 * @example
 * import { defaultHome, openStore } from '@ollamamon/store';
 * const store = openStore({ home: defaultHome(process.env) });
 * const chat = store.chats.create({ title: 'Hello', model: 'llama3.2:1b' });
 * store.chats.append(chat.id, { role: 'user', content: 'Why is the sky blue?' });
 */
export function openStore(options: OpenStoreOptions = {}): Store {
  const home =
    typeof options.home === 'string'
      ? { configDir: options.home, dataDir: options.home }
      : (options.home ?? defaultHome({}));
  ensurePrivateDir(home.configDir);
  ensurePrivateDir(home.dataDir);
  const databaseFile = join(home.dataDir, 'ollamamon.db');
  const backupsDir = join(home.dataDir, 'backups');
  const database: Database = openDatabase(databaseFile, {
    supportedVersion: schemaVersion,
    ...(options.busyTimeoutMs !== undefined && { busyTimeoutMs: options.busyTimeoutMs }),
  });
  let settings: SettingsStore;
  try {
    migrate(database);
    settings = createSettingsStore({ configDir: home.configDir });
  } catch (error) {
    database.close();
    throw error;
  }
  const chats = createChatStore(database);
  const internals = { database, settings, chats, backupsDir };
  const close = () => database.close();

  return {
    home,
    databaseFile,
    backupsDir,
    settings,
    chats,
    notes: createNoteStore(database),
    usage: createUsageStore(database),
    bench: createBenchStore(database),
    pulls: createPullStore(database),
    createBackup: (backupOptions) => createBackup(internals, backupOptions),
    restoreBackup: async (file, restoreOptions) => restoreBackup(internals, file, restoreOptions),
    inspectBackup(file) {
      const { header } = readBackup(file);
      return { header, sections: header.sections };
    },
    close,
    [Symbol.dispose]: close,
  };
}
