import { type BenchRow, benchRunFromRow } from '../bench/create-bench-store.ts';
import type { ChatStore } from '../chats/create-chat-store.ts';
import type { Database } from '../database/database.ts';
import { type NoteRow, noteFromRow } from '../notes/create-note-store.ts';
import type { SettingsStore } from '../settings/create-settings-store.ts';
import {
  type UsageRow,
  type UsageSampleRow,
  usageFromRow,
  usageSampleFromRow,
} from '../usage/create-usage-store.ts';
import type { BackupPayload, BackupSection } from './backup-format.ts';

/** The pieces of an open store the backup code reads and writes. */
export interface StoreInternals {
  database: Database;
  settings: SettingsStore;
  chats: ChatStore;
}

/** Read the database sections of a backup in one read transaction (a consistent snapshot). */
export function collectSections(
  internals: StoreInternals,
  include: readonly BackupSection[],
): BackupPayload {
  const { database } = internals;
  const payload: BackupPayload = {};
  database.sqlite.exec('BEGIN');
  try {
    if (include.includes('settings')) payload.settings = internals.settings.document();
    if (include.includes('chats')) payload.chats = internals.chats.exportJson().chats;
    if (include.includes('notes')) {
      const rows = database
        .statement('SELECT * FROM model_notes ORDER BY host, model')
        .all() as unknown as NoteRow[];
      payload.notes = rows.map(noteFromRow);
    }
    if (include.includes('usage')) {
      const totals = database
        .statement('SELECT * FROM usage ORDER BY host, model')
        .all() as unknown as UsageRow[];
      const samples = database
        .statement('SELECT * FROM usage_samples ORDER BY id')
        .all() as unknown as UsageSampleRow[];
      payload.usage = {
        totals: totals.map(usageFromRow),
        samples: samples.map(usageSampleFromRow),
      };
    }
    if (include.includes('bench')) {
      const rows = database
        .statement('SELECT * FROM bench_runs ORDER BY started_at, id')
        .all() as unknown as BenchRow[];
      payload.bench = rows.map((row) => benchRunFromRow(row));
    }
  } finally {
    database.sqlite.exec('COMMIT');
  }
  return payload;
}
