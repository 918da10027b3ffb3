import { z } from 'zod';
import type { Database } from '../database/database.ts';
import { NotFoundError } from '../errors/index.ts';
import { validate } from '../validate.ts';

/** Where a pull is. queued/running/paused are "active": they are resumed after a restart. */
export type PullState = 'queued' | 'running' | 'paused' | 'done' | 'failed' | 'cancelled';

export const activePullStates: readonly PullState[] = ['queued', 'running', 'paused'];

/** A pull in the queue. */
export interface PullItem {
  id: number;
  host: string;
  model: string;
  state: PullState;
  completedBytes: number;
  totalBytes?: number;
  error?: string;
  createdAt: string;
  updatedAt: string;
}

const updateSchema = z.strictObject({
  state: z.enum(['queued', 'running', 'paused', 'done', 'failed', 'cancelled']).optional(),
  completedBytes: z.number().int().nonnegative().optional(),
  totalBytes: z.number().int().nonnegative().nullable().optional(),
  error: z.string().nullable().optional(),
});

/** Pull queue state that survives a restart. */
export interface PullStore {
  /** Queue a pull; if one for the same host + model is already active, that one is returned. */
  enqueue(request: { host: string; model: string }): PullItem;
  /** Record progress or a state change. */
  update(id: number, change: z.input<typeof updateSchema>): PullItem;
  get(id: number): PullItem | undefined;
  /** Pulls in queue order, optionally only some states. */
  list(filter?: { states?: readonly PullState[] }): PullItem[];
  /**
   * What to resume after a restart: active pulls in queue order. Ones left `running` by a process
   * that died are reported as `queued` again.
   */
  resumable(): PullItem[];
  remove(id: number): boolean;
  /** Drop done, failed and cancelled pulls. Returns how many were removed. */
  clearFinished(): number;
}

interface PullRow {
  id: number;
  host: string;
  model: string;
  state: PullState;
  completed_bytes: number;
  total_bytes: number | null;
  error: string | null;
  created_at: number;
  updated_at: number;
}

const fromRow = (row: PullRow): PullItem => ({
  id: row.id,
  host: row.host,
  model: row.model,
  state: row.state,
  completedBytes: row.completed_bytes,
  ...(row.total_bytes === null ? {} : { totalBytes: row.total_bytes }),
  ...(row.error === null ? {} : { error: row.error }),
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

export function createPullStore(database: Database): PullStore {
  const get = (id: number): PullItem | undefined => {
    const row = database.statement('SELECT * FROM pulls WHERE id = ?').get(id) as
      | PullRow
      | undefined;
    return row === undefined ? undefined : fromRow(row);
  };
  const list: PullStore['list'] = (filter = {}) => {
    const rows = database
      .statement('SELECT * FROM pulls ORDER BY id')
      .all() as unknown as PullRow[];
    const states = filter.states;
    return rows.filter((row) => states === undefined || states.includes(row.state)).map(fromRow);
  };
  return {
    enqueue({ host, model }) {
      return database.transaction(() => {
        const existing = database
          .statement(
            `SELECT * FROM pulls WHERE host = ? AND model = ? AND state IN ('queued', 'running', 'paused')`,
          )
          .get(host, model) as PullRow | undefined;
        if (existing !== undefined) return fromRow(existing);
        const now = Date.now();
        const { lastInsertRowid } = database
          .statement(
            `INSERT INTO pulls (host, model, state, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?)`,
          )
          .run(host, model, now, now);
        return get(Number(lastInsertRowid))!;
      });
    },
    update(id, input) {
      const change = validate(updateSchema, input, `pull ${id} update`);
      return database.transaction(() => {
        const current = get(id);
        if (current === undefined) throw new NotFoundError({ kind: 'pull', id: String(id) });
        database
          .statement(
            `UPDATE pulls SET state = ?, completed_bytes = ?, total_bytes = ?, error = ?, updated_at = ?
             WHERE id = ?`,
          )
          .run(
            change.state ?? current.state,
            change.completedBytes ?? current.completedBytes,
            change.totalBytes === undefined ? (current.totalBytes ?? null) : change.totalBytes,
            change.error === undefined ? (current.error ?? null) : change.error,
            Date.now(),
            id,
          );
        return get(id)!;
      });
    },
    get,
    list,
    resumable() {
      return list({ states: activePullStates }).map((item) =>
        item.state === 'running' ? { ...item, state: 'queued' } : item,
      );
    },
    remove(id) {
      return database.transaction(
        () => database.statement('DELETE FROM pulls WHERE id = ?').run(id).changes > 0,
      );
    },
    clearFinished() {
      return database.transaction(() =>
        Number(
          database
            .statement(`DELETE FROM pulls WHERE state IN ('done', 'failed', 'cancelled')`)
            .run().changes,
        ),
      );
    },
  };
}
