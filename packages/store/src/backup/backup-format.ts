import { z } from 'zod';
import { exportedChatSchema } from '../chats/chat-schemas.ts';
import { settingsFileSchema } from '../settings/settings-schema.ts';

export const backupFormat = 'ollamamon-backup';
/** The archive layout this build writes and the newest it reads. */
export const backupFormatVersion = 1;

/** What a backup can hold. `modelfiles` needs a client to fetch them. */
export const backupSections = [
  'settings',
  'chats',
  'notes',
  'usage',
  'bench',
  'modelfiles',
] as const;
export type BackupSection = (typeof backupSections)[number];

const isoDate = z.iso.datetime({ offset: true });

/** First line of the (gunzipped) archive. */
export const backupHeaderSchema = z.looseObject({
  format: z.literal(backupFormat),
  formatVersion: z.number().int().positive(),
  createdAt: isoDate,
  packageVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  sections: z.array(z.enum(backupSections)),
  payloadBytes: z.number().int().nonnegative(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const noteRecordSchema = z.strictObject({
  host: z.string().min(1),
  model: z.string().min(1),
  favourite: z.boolean(),
  tags: z.array(z.string()),
  category: z.string().optional(),
  note: z.string(),
  updatedAt: isoDate,
});

export const usageTotalsSchema = z.strictObject({
  host: z.string().min(1),
  model: z.string().min(1),
  requests: z.number().int().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  firstUsedAt: isoDate,
  lastUsedAt: isoDate,
});

export const usageSampleSchema = z.strictObject({
  host: z.string().min(1),
  model: z.string().min(1),
  at: isoDate,
  loadMs: z.number().nonnegative().optional(),
  tokensPerSecond: z.number().nonnegative().optional(),
});

export const benchRecordSchema = z.strictObject({
  id: z.string().min(1),
  suite: z.string().min(1),
  label: z.string().optional(),
  startedAt: isoDate,
  finishedAt: isoDate.optional(),
  environment: z.record(z.string(), z.unknown()),
  results: z.unknown(),
});

export const modelfileRecordSchema = z.strictObject({
  host: z.string().min(1),
  model: z.string().min(1),
  /** The model it was created from (`details.parent_model`): its FROM line names a local blob. */
  parentModel: z.string().optional(),
  modelfile: z.string(),
});

/** Everything after the header line. Each section is present only if it was included. */
export const backupPayloadSchema = z.strictObject({
  settings: settingsFileSchema.optional(),
  chats: z.array(exportedChatSchema).optional(),
  notes: z.array(noteRecordSchema).optional(),
  usage: z
    .strictObject({ totals: z.array(usageTotalsSchema), samples: z.array(usageSampleSchema) })
    .optional(),
  bench: z.array(benchRecordSchema).optional(),
  modelfiles: z.array(modelfileRecordSchema).optional(),
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type BackupPayload = z.infer<typeof backupPayloadSchema>;
export type ModelfileRecord = z.infer<typeof modelfileRecordSchema>;

/** The store's file names for backups: sortable by time. */
export const backupFilePattern = /^ollamamon-backup-(\d{8}T\d{9}Z)(?:-(\d+))?\.json\.gz$/;

export function backupFileName(date: Date): string {
  const stamp = date.toISOString().replaceAll(/[-:.]/g, '');
  return `ollamamon-backup-${stamp}.json.gz`;
}
