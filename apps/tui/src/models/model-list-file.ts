import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ModelRow } from './model-row.js';

const modelListSchema = z.object({
  format: z.literal('ollamamon-model-list').optional(),
  version: z.literal(1).optional(),
  models: z.array(z.object({ name: z.string().min(1), digest: z.string().optional() })),
});

export type ModelList = z.infer<typeof modelListSchema>;

/** Writes the installed models' names and digests to `path` as JSON. */
export async function exportModelList(path: string, rows: readonly ModelRow[]): Promise<number> {
  const list: ModelList = {
    format: 'ollamamon-model-list',
    version: 1,
    models: rows.map((row) => ({ name: row.name, digest: row.digest })),
  };
  await writeFile(path, `${JSON.stringify(list, null, 2)}\n`);
  return list.models.length;
}

/** Reads a model list; a clear error names the file and the field when it is not one. */
export async function readModelList(path: string): Promise<ModelList> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON (expected a model list written by "export")`);
  }
  const parsed = modelListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'not a model list'}`,
    );
  }
  return parsed.data;
}

/** The dry run of an import: what would be pulled, what is already here. */
export function planImport(
  list: ModelList,
  installed: readonly ModelRow[],
): { toPull: string[]; present: string[] } {
  const digests = new Map(installed.map((row) => [row.name, row.digest]));
  const toPull: string[] = [];
  const present: string[] = [];
  for (const model of list.models) {
    const digest = digests.get(model.name);
    if (digest !== undefined && (!model.digest || digest === model.digest))
      present.push(model.name);
    else toPull.push(model.name);
  }
  return { toPull, present };
}
