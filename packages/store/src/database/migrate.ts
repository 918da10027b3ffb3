import { SchemaVersionError } from '../errors/index.ts';
import type { Database } from './database.ts';
import { migrations as allMigrations, type Migration } from './migrations.ts';

/** Read `PRAGMA user_version`. */
export function readSchemaVersion(database: Database): number {
  const row = database.sqlite.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

/**
 * Bring the database up to the newest schema, one transaction per migration. Safe when two
 * processes open the same fresh file at once: each step re-checks the version under the write lock.
 * A database newer than this build is refused before anything is written.
 */
export function migrate(
  database: Database,
  options: { migrations?: readonly Migration[]; to?: number } = {},
): { from: number; to: number } {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.at(-1)?.version ?? 0;
  const target = options.to ?? latest;
  const from = readSchemaVersion(database);
  if (from > latest) {
    throw new SchemaVersionError({
      file: database.file,
      foundVersion: from,
      supportedVersion: latest,
    });
  }
  for (const migration of migrations) {
    if (migration.version > target) break;
    database.transaction(() => {
      const current = readSchemaVersion(database);
      if (current >= migration.version) return;
      database.sqlite.exec(migration.sql);
      database.sqlite.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
    });
  }
  return { from, to: readSchemaVersion(database) };
}
