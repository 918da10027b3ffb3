import { writeBenchRun } from '../bench/create-bench-store.ts';
import { chatsExportFormat, chatsExportVersion } from '../chats/chat-schemas.ts';
import { BackupError } from '../errors/index.ts';
import { type SettingsFile, settingsFileSchema } from '../settings/settings-schema.ts';
import type { BackupHeader, BackupSection, ModelfileRecord } from './backup-format.ts';
import type { StoreInternals } from './collect-sections.ts';
import { readBackup } from './read-backup.ts';

export interface RestoreBackupOptions {
  /**
   * `merge`: records in the archive replace records with the same key (chat id, host + model,
   * bench run id), others are kept; usage totals keep the larger counts. `replace`: each restored
   * section becomes exactly the archive's. @default 'merge'
   */
  mode?: 'merge' | 'replace';
  /** Validate and report what would change, without changing anything. @default false */
  dryRun?: boolean;
  /** Restore only these sections of the archive. @default every section it holds */
  include?: readonly BackupSection[];
}

/** Per-section counts of a restore. */
export interface SectionChanges {
  /** Records of this section in the archive. */
  inArchive: number;
  added: number;
  replaced: number;
  /** Records removed because `replace` mode dropped what the archive does not hold. */
  removed: number;
}

export interface RestoreReport {
  file: string;
  header: BackupHeader;
  mode: 'merge' | 'replace';
  dryRun: boolean;
  sections: Partial<Record<Exclude<BackupSection, 'modelfiles'>, SectionChanges>>;
  /**
   * Modelfiles held by the archive. They are returned, not applied: re-creating a model on a host
   * is the app's decision (`client.create`).
   */
  modelfiles: ModelfileRecord[];
}

/**
 * Restore an archive: read and validate all of it first (a bad file throws BackupError and changes
 * nothing), then apply the database sections in one transaction, then write settings atomically.
 */
export function restoreBackup(
  internals: StoreInternals,
  file: string,
  options: RestoreBackupOptions = {},
): RestoreReport {
  const { header, payload } = readBackup(file);
  const mode = options.mode ?? 'merge';
  const dryRun = options.dryRun ?? false;
  const wanted = (section: BackupSection) =>
    options.include === undefined || options.include.includes(section);
  const { database } = internals;
  const report: RestoreReport = {
    file,
    header,
    mode,
    dryRun,
    sections: {},
    modelfiles: wanted('modelfiles') ? (payload.modelfiles ?? []) : [],
  };

  const keys = (sql: string) =>
    new Set((database.statement(sql).all() as { key: string }[]).map((row) => row.key));
  const count = (existing: Set<string>, archiveKeys: readonly string[]): SectionChanges => {
    const inArchive = new Set(archiveKeys);
    let replaced = 0;
    for (const key of inArchive) if (existing.has(key)) replaced += 1;
    let removed = 0;
    if (mode === 'replace') for (const key of existing) if (!inArchive.has(key)) removed += 1;
    return { inArchive: archiveKeys.length, added: inArchive.size - replaced, replaced, removed };
  };
  const hostModel = (record: { host: string; model: string }) =>
    `${record.host}\u0000${record.model}`;
  const keySql = (table: string) => `SELECT host || char(0) || model AS key FROM ${table}`;

  let settings: SettingsFile | undefined;
  const apply = () => {
    if (payload.chats && wanted('chats')) {
      report.sections.chats = count(
        keys('SELECT id AS key FROM chats'),
        payload.chats.map((chat) => chat.id),
      );
      if (!dryRun) {
        if (mode === 'replace') database.statement('DELETE FROM chats').run();
        internals.chats.importJson(
          {
            format: chatsExportFormat,
            version: chatsExportVersion,
            exportedAt: header.createdAt,
            chats: payload.chats,
          },
          { onConflict: 'replace' },
        );
      }
    }
    if (payload.notes && wanted('notes')) {
      report.sections.notes = count(keys(keySql('model_notes')), payload.notes.map(hostModel));
      if (!dryRun) {
        if (mode === 'replace') database.statement('DELETE FROM model_notes').run();
        const insert = database.statement(
          `INSERT OR REPLACE INTO model_notes (host, model, favourite, tags, category, note, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const note of payload.notes) {
          insert.run(
            note.host,
            note.model,
            note.favourite ? 1 : 0,
            JSON.stringify(note.tags),
            note.category ?? null,
            note.note,
            Date.parse(note.updatedAt),
          );
        }
      }
    }
    if (payload.usage && wanted('usage')) {
      report.sections.usage = count(keys(keySql('usage')), payload.usage.totals.map(hostModel));
      if (!dryRun) {
        if (mode === 'replace') {
          database.statement('DELETE FROM usage').run();
          database.statement('DELETE FROM usage_samples').run();
        }
        const upsert = database.statement(
          `INSERT INTO usage (host, model, requests, prompt_tokens, output_tokens, first_used_at, last_used_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (host, model) DO UPDATE SET
             requests = max(requests, excluded.requests),
             prompt_tokens = max(prompt_tokens, excluded.prompt_tokens),
             output_tokens = max(output_tokens, excluded.output_tokens),
             first_used_at = min(first_used_at, excluded.first_used_at),
             last_used_at = max(last_used_at, excluded.last_used_at)`,
        );
        for (const total of payload.usage.totals) {
          upsert.run(
            total.host,
            total.model,
            total.requests,
            total.promptTokens,
            total.outputTokens,
            Date.parse(total.firstUsedAt),
            Date.parse(total.lastUsedAt),
          );
        }
        const insertSample = database.statement(
          `INSERT INTO usage_samples (host, model, at, load_ms, tokens_per_second)
           SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (
             SELECT 1 FROM usage_samples WHERE host = ?1 AND model = ?2 AND at = ?3)`,
        );
        for (const sample of payload.usage.samples) {
          insertSample.run(
            sample.host,
            sample.model,
            Date.parse(sample.at),
            sample.loadMs ?? null,
            sample.tokensPerSecond ?? null,
          );
        }
      }
    }
    if (payload.bench && wanted('bench')) {
      report.sections.bench = count(
        keys('SELECT id AS key FROM bench_runs'),
        payload.bench.map((run) => run.id),
      );
      if (!dryRun) {
        if (mode === 'replace') database.statement('DELETE FROM bench_runs').run();
        for (const run of payload.bench) writeBenchRun(database, run);
      }
    }
    if (payload.settings && wanted('settings')) {
      const current = internals.settings.document();
      const existing = new Set(Object.keys(current.profiles));
      report.sections.settings = count(existing, Object.keys(payload.settings.profiles));
      settings =
        mode === 'replace'
          ? payload.settings
          : {
              ...current,
              profiles: { ...current.profiles, ...payload.settings.profiles },
            };
      const checked = settingsFileSchema.safeParse(settings);
      if (!checked.success) {
        throw new BackupError({
          file,
          problem: 'invalid-content',
          message: `the restored settings would be invalid (${checked.error.issues[0]?.message}); nothing was changed`,
        });
      }
    }
  };
  if (dryRun) {
    // A read transaction: a consistent view for the counts, no write lock.
    database.sqlite.exec('BEGIN');
    try {
      apply();
    } finally {
      database.sqlite.exec('ROLLBACK');
    }
    return report;
  }
  database.transaction(apply);
  // The settings file is not in the database: written (atomically) once the database has committed.
  if (settings !== undefined) internals.settings.replaceDocument(settings);
  return report;
}
