import { z } from 'zod';
import type { Database } from '../database/database.ts';
import { validate } from '../validate.ts';

/** What a user keeps about one model on one host. */
export interface ModelNote {
  host: string;
  model: string;
  favourite: boolean;
  tags: string[];
  category?: string;
  note: string;
  updatedAt: string;
}

export const modelNoteInputSchema = z.strictObject({
  host: z.string().min(1),
  model: z.string().min(1),
  favourite: z.boolean().optional(),
  tags: z.array(z.string().min(1)).optional(),
  category: z.string().nullable().optional(),
  note: z.string().optional(),
});

/** `notes.set` input: the key (host + model) and the fields to change. */
export type ModelNoteInput = z.input<typeof modelNoteInputSchema>;

/** Favourites, tags, category and a free-text note per host + model. */
export interface NoteStore {
  get(key: { host: string; model: string }): ModelNote | undefined;
  /** Create or update: only the fields given change. `category: null` clears it. */
  set(input: ModelNoteInput): ModelNote;
  list(filter?: {
    host?: string;
    favourite?: boolean;
    tag?: string;
    category?: string;
  }): ModelNote[];
  remove(key: { host: string; model: string }): boolean;
}

/** A row of `model_notes`. */
export interface NoteRow {
  host: string;
  model: string;
  favourite: number;
  tags: string;
  category: string | null;
  note: string;
  updated_at: number;
}

export const noteFromRow = (row: NoteRow): ModelNote => ({
  host: row.host,
  model: row.model,
  favourite: row.favourite === 1,
  tags: JSON.parse(row.tags) as string[],
  ...(row.category === null ? {} : { category: row.category }),
  note: row.note,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export function createNoteStore(database: Database): NoteStore {
  const get: NoteStore['get'] = ({ host, model }) => {
    const row = database
      .statement('SELECT * FROM model_notes WHERE host = ? AND model = ?')
      .get(host, model) as NoteRow | undefined;
    return row === undefined ? undefined : noteFromRow(row);
  };

  return {
    get,
    set(input) {
      const patch = validate(modelNoteInputSchema, input, 'model note');
      return database.transaction(() => {
        const current = get(patch);
        const category = patch.category === undefined ? current?.category : patch.category;
        database
          .statement(
            `INSERT OR REPLACE INTO model_notes (host, model, favourite, tags, category, note, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            patch.host,
            patch.model,
            (patch.favourite ?? current?.favourite ?? false) ? 1 : 0,
            JSON.stringify([...new Set(patch.tags ?? current?.tags ?? [])]),
            category ?? null,
            patch.note ?? current?.note ?? '',
            Date.now(),
          );
        return get(patch)!;
      });
    },
    list(filter = {}) {
      const rows = database
        .statement(
          `SELECT * FROM model_notes
           WHERE (?1 IS NULL OR host = ?1) AND (?2 IS NULL OR favourite = ?2)
             AND (?3 IS NULL OR category = ?3)
             AND (?4 IS NULL OR EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ?4))
           ORDER BY host, model`,
        )
        .all(
          filter.host ?? null,
          filter.favourite === undefined ? null : filter.favourite ? 1 : 0,
          filter.category ?? null,
          filter.tag ?? null,
        ) as unknown as NoteRow[];
      return rows.map(noteFromRow);
    },
    remove({ host, model }) {
      return database.transaction(
        () =>
          database
            .statement('DELETE FROM model_notes WHERE host = ? AND model = ?')
            .run(host, model).changes > 0,
      );
    },
  };
}
