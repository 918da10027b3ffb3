import { closeSync, existsSync, openSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { SchemaVersionError, StoreError } from '../errors/index.ts';

/** A thin wrapper over node:sqlite: cached prepared statements and nestable write transactions. */
export interface Database {
  readonly file: string;
  readonly sqlite: DatabaseSync;
  /** A prepared statement for `sql`, prepared once and reused. */
  statement(sql: string): StatementSync;
  /**
   * Run `work` in a write transaction (`BEGIN IMMEDIATE`, so the write lock is taken up front and
   * the busy timeout applies). Nested calls become savepoints. Rolls back if `work` throws.
   */
  transaction<TResult>(work: () => TResult): TResult;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** How long a writer waits for another process's lock. @default 5000 */
  busyTimeoutMs?: number;
  /** Refuse (before changing anything) a file whose `user_version` is above this. */
  supportedVersion?: number;
}

/** Open (creating with mode 0600 if missing) an SQLite file in WAL mode with a busy timeout. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  if (file !== ':memory:' && !existsSync(file)) {
    // Create the file ourselves so it gets mode 0600; SQLite gives -wal/-shm the same mode.
    closeSync(openSync(file, 'a', 0o600));
  }
  const sqlite = new DatabaseSync(file, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    const { user_version: found } = sqlite.prepare('PRAGMA user_version').get() as {
      user_version: number;
    };
    if (options.supportedVersion !== undefined && found > options.supportedVersion) {
      throw new SchemaVersionError({
        file,
        foundVersion: found,
        supportedVersion: options.supportedVersion,
      });
    }
    sqlite.exec('PRAGMA journal_mode = WAL');
  } catch (error) {
    sqlite.close();
    if (StoreError.isInstance(error)) throw error;
    throw new StoreError(
      `${file} could not be opened as an ollamamon database: ${(error as Error).message}`,
      { cause: error },
    );
  }
  // FULL: a commit is on disk when it returns, even across power loss, not only process crashes.
  sqlite.exec('PRAGMA synchronous = FULL');
  sqlite.exec('PRAGMA foreign_keys = ON');

  const statements = new Map<string, StatementSync>();
  let depth = 0;

  return {
    file,
    sqlite,
    statement(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    transaction(work) {
      const savepoint = `s${depth}`;
      const outermost = depth === 0;
      sqlite.exec(outermost ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
      depth += 1;
      let result: ReturnType<typeof work>;
      try {
        result = work();
        sqlite.exec(outermost ? 'COMMIT' : `RELEASE ${savepoint}`);
      } catch (error) {
        if (outermost) {
          if (sqlite.isTransaction) sqlite.exec('ROLLBACK');
        } else {
          sqlite.exec(`ROLLBACK TO ${savepoint}`);
          sqlite.exec(`RELEASE ${savepoint}`);
        }
        throw error;
      } finally {
        depth -= 1;
      }
      return result;
    },
    close() {
      statements.clear();
      if (sqlite.isOpen) sqlite.close();
    },
  };
}
