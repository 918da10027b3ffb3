import type { ChatStore } from '../chats/create-chat-store.ts';
import type { Database } from '../database/database.ts';
import type { SettingsStore } from '../settings/create-settings-store.ts';
import type { BackupPayload, BackupSection } from './backup-format.ts';

/** The pieces of an open store the backup code reads and writes. */
export interface StoreInternals {
  database: Database;
  settings: SettingsStore;
  chats: ChatStore;
}

const iso = (milliseconds: number) => new Date(milliseconds).toISOString();

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
        .all() as unknown as {
        host: string;
        model: string;
        favourite: number;
        tags: string;
        category: string | null;
        note: string;
        updated_at: number;
      }[];
      payload.notes = rows.map((row) => ({
        host: row.host,
        model: row.model,
        favourite: row.favourite === 1,
        tags: JSON.parse(row.tags) as string[],
        ...(row.category === null ? {} : { category: row.category }),
        note: row.note,
        updatedAt: iso(row.updated_at),
      }));
    }
    if (include.includes('usage')) {
      const totals = database
        .statement('SELECT * FROM usage ORDER BY host, model')
        .all() as unknown as {
        host: string;
        model: string;
        requests: number;
        prompt_tokens: number;
        output_tokens: number;
        first_used_at: number;
        last_used_at: number;
      }[];
      const samples = database
        .statement('SELECT * FROM usage_samples ORDER BY id')
        .all() as unknown as {
        host: string;
        model: string;
        at: number;
        load_ms: number | null;
        tokens_per_second: number | null;
      }[];
      payload.usage = {
        totals: totals.map((row) => ({
          host: row.host,
          model: row.model,
          requests: row.requests,
          promptTokens: row.prompt_tokens,
          outputTokens: row.output_tokens,
          firstUsedAt: iso(row.first_used_at),
          lastUsedAt: iso(row.last_used_at),
        })),
        samples: samples.map((row) => ({
          host: row.host,
          model: row.model,
          at: iso(row.at),
          ...(row.load_ms === null ? {} : { loadMs: row.load_ms }),
          ...(row.tokens_per_second === null ? {} : { tokensPerSecond: row.tokens_per_second }),
        })),
      };
    }
    if (include.includes('bench')) {
      const rows = database
        .statement('SELECT * FROM bench_runs ORDER BY started_at, id')
        .all() as unknown as {
        id: string;
        suite: string;
        label: string | null;
        started_at: number;
        finished_at: number | null;
        environment: string;
        results: string;
      }[];
      payload.bench = rows.map((row) => ({
        id: row.id,
        suite: row.suite,
        ...(row.label === null ? {} : { label: row.label }),
        startedAt: iso(row.started_at),
        ...(row.finished_at === null ? {} : { finishedAt: iso(row.finished_at) }),
        environment: JSON.parse(row.environment) as Record<string, unknown>,
        results: JSON.parse(row.results) as unknown,
      }));
    }
  } finally {
    database.sqlite.exec('COMMIT');
  }
  return payload;
}
