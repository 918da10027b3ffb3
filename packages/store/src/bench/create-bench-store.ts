import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../database/database.ts';
import { validate } from '../validate.ts';

const isoDate = z.iso.datetime({ offset: true });

export const benchRunInputSchema = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  suite: z.string().min(1),
  label: z.string().optional(),
  startedAt: isoDate,
  finishedAt: isoDate.optional(),
  /** Machine, GPUs, Ollama version, hosts… whatever the bench package records. */
  environment: z.record(z.string(), z.unknown()),
  /** The results as the bench package shapes them; stored as JSON. */
  results: z.unknown(),
});

export type BenchRunInput = z.input<typeof benchRunInputSchema>;

/** A stored bench run. `TResults` is the bench package's result shape. */
export interface BenchRun<TResults = unknown> {
  id: string;
  suite: string;
  label?: string;
  startedAt: string;
  finishedAt?: string;
  environment: Record<string, unknown>;
  results: TResults;
}

/** Bench history: runs with their suite, environment and results. */
export interface BenchStore {
  /** Save a run (replacing one with the same id). */
  add<TResults = unknown>(run: BenchRunInput & { results: TResults }): BenchRun<TResults>;
  get<TResults = unknown>(id: string): BenchRun<TResults> | undefined;
  /** Runs, newest first. */
  list<TResults = unknown>(filter?: { suite?: string; limit?: number }): BenchRun<TResults>[];
  remove(id: string): boolean;
}

/** A row of `bench_runs`. */
export interface BenchRow {
  id: string;
  suite: string;
  label: string | null;
  started_at: number;
  finished_at: number | null;
  environment: string;
  results: string;
}

export const benchRunFromRow = <TResults>(row: BenchRow): BenchRun<TResults> => ({
  id: row.id,
  suite: row.suite,
  ...(row.label === null ? {} : { label: row.label }),
  startedAt: new Date(row.started_at).toISOString(),
  ...(row.finished_at === null ? {} : { finishedAt: new Date(row.finished_at).toISOString() }),
  environment: JSON.parse(row.environment) as Record<string, unknown>,
  results: JSON.parse(row.results) as TResults,
});

/** Insert or replace one run (the store's `add` and a backup restore both write through here). */
export function writeBenchRun(
  database: Database,
  run: z.output<typeof benchRunInputSchema> & { id: string },
): void {
  database
    .statement(
      `INSERT OR REPLACE INTO bench_runs (id, suite, label, started_at, finished_at, environment, results)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      run.id,
      run.suite,
      run.label ?? null,
      Date.parse(run.startedAt),
      run.finishedAt === undefined ? null : Date.parse(run.finishedAt),
      JSON.stringify(run.environment),
      JSON.stringify(run.results ?? null),
    );
}

export function createBenchStore(database: Database): BenchStore {
  const get = <TResults>(id: string): BenchRun<TResults> | undefined => {
    const row = database.statement('SELECT * FROM bench_runs WHERE id = ?').get(id) as
      | BenchRow
      | undefined;
    return row === undefined ? undefined : benchRunFromRow<TResults>(row);
  };
  return {
    add(input) {
      const run = validate(benchRunInputSchema, input, 'bench run');
      const id = run.id ?? randomUUID();
      database.transaction(() => writeBenchRun(database, { ...run, id }));
      return get(id)!;
    },
    get,
    list<TResults>(filter: { suite?: string; limit?: number } = {}) {
      const rows = database
        .statement(
          `SELECT * FROM bench_runs WHERE (?1 IS NULL OR suite = ?1)
           ORDER BY started_at DESC, id LIMIT ?2`,
        )
        .all(filter.suite ?? null, filter.limit ?? -1) as unknown as BenchRow[];
      return rows.map((row) => benchRunFromRow<TResults>(row));
    },
    remove(id) {
      return database.transaction(
        () => database.statement('DELETE FROM bench_runs WHERE id = ?').run(id).changes > 0,
      );
    },
  };
}
