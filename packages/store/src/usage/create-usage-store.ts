import { z } from 'zod';
import type { Database } from '../database/database.ts';
import { validate } from '../validate.ts';

/** Totals for one model on one host. */
export interface ModelUsage {
  host: string;
  model: string;
  requests: number;
  promptTokens: number;
  outputTokens: number;
  firstUsedAt: string;
  lastUsedAt: string;
}

/** One observation of a model's load time and speed. */
export interface UsageSample {
  host: string;
  model: string;
  at: string;
  loadMs?: number;
  tokensPerSecond?: number;
}

export const usageRecordSchema = z.strictObject({
  host: z.string().min(1),
  model: z.string().min(1),
  promptTokens: z.number().int().nonnegative().optional(),
  outputTokens: z.number().int().nonnegative().optional(),
  loadMs: z.number().nonnegative().optional(),
  tokensPerSecond: z.number().nonnegative().optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});

export type UsageRecord = z.input<typeof usageRecordSchema>;

/** Requests, tokens, last use and speed over time, per host + model. */
export interface UsageStore {
  /** Count one request (totals and, if loadMs/tokensPerSecond are given, a sample) in one transaction. */
  record(entry: UsageRecord): ModelUsage;
  get(key: { host: string; model: string }): ModelUsage | undefined;
  /**
   * Totals, most recently used first. `unusedSince` keeps only models not used since then
   * (for "prune unused").
   */
  list(filter?: { host?: string; unusedSince?: string }): ModelUsage[];
  /** Samples for one model, oldest first. */
  history(
    key: { host: string; model: string },
    options?: { since?: string; limit?: number },
  ): UsageSample[];
  /** Drop samples older than `before`; totals stay. Returns how many were removed. */
  prune(options: { before: string }): number;
}

/** A row of `usage`. */
export interface UsageRow {
  host: string;
  model: string;
  requests: number;
  prompt_tokens: number;
  output_tokens: number;
  first_used_at: number;
  last_used_at: number;
}

const iso = (milliseconds: number) => new Date(milliseconds).toISOString();

/** A row of `usage_samples`. */
export interface UsageSampleRow {
  host: string;
  model: string;
  at: number;
  load_ms: number | null;
  tokens_per_second: number | null;
}

export const usageSampleFromRow = (row: UsageSampleRow): UsageSample => ({
  host: row.host,
  model: row.model,
  at: iso(row.at),
  ...(row.load_ms === null ? {} : { loadMs: row.load_ms }),
  ...(row.tokens_per_second === null ? {} : { tokensPerSecond: row.tokens_per_second }),
});

export const usageFromRow = (row: UsageRow): ModelUsage => ({
  host: row.host,
  model: row.model,
  requests: row.requests,
  promptTokens: row.prompt_tokens,
  outputTokens: row.output_tokens,
  firstUsedAt: iso(row.first_used_at),
  lastUsedAt: iso(row.last_used_at),
});

export function createUsageStore(database: Database): UsageStore {
  const get: UsageStore['get'] = ({ host, model }) => {
    const row = database
      .statement('SELECT * FROM usage WHERE host = ? AND model = ?')
      .get(host, model) as UsageRow | undefined;
    return row === undefined ? undefined : usageFromRow(row);
  };

  return {
    get,
    record(input) {
      const entry = validate(usageRecordSchema, input, 'usage record');
      const at = entry.at === undefined ? Date.now() : Date.parse(entry.at);
      return database.transaction(() => {
        database
          .statement(
            `INSERT INTO usage (host, model, requests, prompt_tokens, output_tokens, first_used_at, last_used_at)
             VALUES (?1, ?2, 1, ?3, ?4, ?5, ?5)
             ON CONFLICT (host, model) DO UPDATE SET
               requests = requests + 1,
               prompt_tokens = prompt_tokens + excluded.prompt_tokens,
               output_tokens = output_tokens + excluded.output_tokens,
               first_used_at = min(first_used_at, excluded.first_used_at),
               last_used_at = max(last_used_at, excluded.last_used_at)`,
          )
          .run(entry.host, entry.model, entry.promptTokens ?? 0, entry.outputTokens ?? 0, at);
        if (entry.loadMs !== undefined || entry.tokensPerSecond !== undefined) {
          database
            .statement(
              'INSERT INTO usage_samples (host, model, at, load_ms, tokens_per_second) VALUES (?, ?, ?, ?, ?)',
            )
            .run(entry.host, entry.model, at, entry.loadMs ?? null, entry.tokensPerSecond ?? null);
        }
        return get(entry)!;
      });
    },
    list(filter = {}) {
      const rows = database
        .statement(
          `SELECT * FROM usage WHERE (?1 IS NULL OR host = ?1) AND (?2 IS NULL OR last_used_at < ?2)
           ORDER BY last_used_at DESC, host, model`,
        )
        .all(
          filter.host ?? null,
          filter.unusedSince === undefined ? null : Date.parse(filter.unusedSince),
        ) as unknown as UsageRow[];
      return rows.map(usageFromRow);
    },
    history({ host, model }, options = {}) {
      const rows = database
        .statement(
          `SELECT * FROM usage_samples WHERE host = ? AND model = ? AND at >= ?
           ORDER BY at, id LIMIT ?`,
        )
        .all(
          host,
          model,
          options.since === undefined ? 0 : Date.parse(options.since),
          options.limit ?? -1,
        ) as unknown as UsageSampleRow[];
      return rows.map(usageSampleFromRow);
    },
    prune({ before }) {
      return database.transaction(() =>
        Number(
          database.statement('DELETE FROM usage_samples WHERE at < ?').run(Date.parse(before))
            .changes,
        ),
      );
    },
  };
}
