import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { OllamaClient } from '@ollamamon/client';
import { schemaVersion } from '../database/migrations.ts';
import { BackupError } from '../errors/index.ts';
import { ensurePrivateDir } from '../files/ensure-private-dir.ts';
import { writeFileAtomic } from '../files/write-file-atomic.ts';
import { packageVersion } from '../version.ts';
import {
  type BackupHeader,
  type BackupSection,
  backupFileName,
  backupFormat,
  backupFormatVersion,
  backupSections,
  type ModelfileRecord,
} from './backup-format.ts';
import { collectSections, type StoreInternals } from './collect-sections.ts';

/** What the backup needs of an Ollama client to fetch Modelfiles: `createClient()` provides it. */
export type ModelfileSource = Pick<OllamaClient, 'list' | 'show'>;

export interface CreateBackupOptions {
  /** What to include. @default every section except `modelfiles` unless `modelfiles` sources are given */
  include?: readonly BackupSection[];
  /** The archive path. @default `<folder>/ollamamon-backup-<UTC time>.json.gz` */
  file?: string;
  /** Where to put it when `file` is not given. @default `<dataDir>/backups` */
  folder?: string;
  /**
   * Hosts to fetch Modelfiles from, with the client for each. `models`: `'custom'` (default) takes
   * models created from another model (`details.parent_model` set), `'all'` every installed one,
   * or a list of names.
   */
  modelfiles?: readonly {
    host: string;
    client: ModelfileSource;
    models?: 'custom' | 'all' | readonly string[];
  }[];
}

/** What `createBackup` wrote. */
export interface BackupResult {
  file: string;
  sizeBytes: number;
  sha256: string;
  header: BackupHeader;
  /** Records per section. */
  counts: Partial<Record<BackupSection, number>>;
}

/** Write one versioned, checksummed, gzip-compressed archive of the store (mode 0600). */
export async function createBackup(
  internals: StoreInternals & { backupsDir: string },
  options: CreateBackupOptions = {},
): Promise<BackupResult> {
  const include =
    options.include ??
    backupSections.filter(
      (section) => section !== 'modelfiles' || options.modelfiles !== undefined,
    );
  const folder = options.folder ?? internals.backupsDir;
  const file = options.file ?? uniqueFile(folder, new Date());

  // Fetch Modelfiles first: it is the slow, fallible part and must not hold a transaction open.
  let modelfiles: ModelfileRecord[] | undefined;
  if (include.includes('modelfiles')) {
    modelfiles = [];
    for (const source of options.modelfiles ?? []) {
      modelfiles.push(...(await fetchModelfiles(source, file)));
    }
  }
  const payload = collectSections(internals, include);
  if (modelfiles !== undefined) payload.modelfiles = modelfiles;

  const payloadText = JSON.stringify(payload);
  const header: BackupHeader = {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    createdAt: new Date().toISOString(),
    packageVersion,
    schemaVersion,
    sections: [...include],
    payloadBytes: Buffer.byteLength(payloadText, 'utf8'),
    payloadSha256: createHash('sha256').update(payloadText, 'utf8').digest('hex'),
  };
  const archive = gzipSync(`${JSON.stringify(header)}\n${payloadText}`);
  if (options.file === undefined) ensurePrivateDir(folder);
  writeFileAtomic(file, archive, { mode: 0o600 });
  return {
    file,
    sizeBytes: archive.length,
    sha256: createHash('sha256').update(archive).digest('hex'),
    header,
    counts: {
      ...(payload.settings && { settings: Object.keys(payload.settings.profiles).length }),
      ...(payload.chats && { chats: payload.chats.length }),
      ...(payload.notes && { notes: payload.notes.length }),
      ...(payload.usage && { usage: payload.usage.totals.length }),
      ...(payload.bench && { bench: payload.bench.length }),
      ...(payload.modelfiles && { modelfiles: payload.modelfiles.length }),
    },
  };
}

async function fetchModelfiles(
  source: NonNullable<CreateBackupOptions['modelfiles']>[number],
  file: string,
): Promise<ModelfileRecord[]> {
  const selection = source.models ?? 'custom';
  try {
    const names =
      typeof selection === 'string'
        ? (await source.client.list()).models.map((model) => model.name)
        : [...selection];
    const records: ModelfileRecord[] = [];
    for (const model of names) {
      const shown = await source.client.show({ model });
      const isCustom = Boolean(shown.details?.parent_model);
      if (selection === 'custom' && !isCustom) continue;
      if (typeof shown.modelfile !== 'string') continue;
      const parentModel = shown.details?.parent_model;
      records.push({
        host: source.host,
        model,
        ...(parentModel ? { parentModel } : {}),
        modelfile: shown.modelfile,
      });
    }
    return records;
  } catch (error) {
    throw new BackupError({
      file,
      problem: 'modelfiles-unavailable',
      message: `could not fetch Modelfiles from ${source.host} (${(error as Error).message}); no backup was written`,
      cause: error,
    });
  }
}

function uniqueFile(folder: string, date: Date): string {
  const name = backupFileName(date);
  let file = join(folder, name);
  for (let counter = 1; existsSync(file); counter += 1) {
    file = join(folder, name.replace('.json.gz', `-${counter}.json.gz`));
  }
  return file;
}
