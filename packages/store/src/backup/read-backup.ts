import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { BackupError } from '../errors/index.ts';
import { formatPath } from '../errors/invalid-input-error.ts';
import {
  type BackupHeader,
  type BackupPayload,
  backupFormat,
  backupFormatVersion,
  backupHeaderSchema,
  backupPayloadSchema,
} from './backup-format.ts';

/**
 * Read and fully validate a backup archive without touching the store: gzip integrity, header,
 * format version, payload size and SHA-256, then every record. Throws BackupError saying what is wrong.
 */
export function readBackup(file: string): { header: BackupHeader; payload: BackupPayload } {
  const fail = (problem: BackupError['problem'], message: string, cause?: unknown): never => {
    throw new BackupError({ file, problem, message, cause });
  };

  let compressed: Buffer;
  try {
    compressed = readFileSync(file);
  } catch (error) {
    return fail('unreadable', `cannot read the backup (${(error as Error).message})`, error);
  }
  if (compressed.length < 2 || compressed[0] !== 0x1f || compressed[1] !== 0x8b) {
    return fail('foreign', 'not an ollamamon backup (not a gzip file); nothing was changed');
  }
  let text: string;
  try {
    text = gunzipSync(compressed).toString('utf8');
  } catch (error) {
    const message = (error as Error).message;
    return /unexpected end/i.test(message)
      ? fail(
          'truncated',
          'the backup is truncated (incomplete gzip data); nothing was changed',
          error,
        )
      : fail('corrupt', `the backup is corrupt (${message}); nothing was changed`, error);
  }

  const newline = text.indexOf('\n');
  const headerText = newline === -1 ? text : text.slice(0, newline);
  let rawHeader: unknown;
  try {
    rawHeader = JSON.parse(headerText);
  } catch (error) {
    return fail('foreign', 'not an ollamamon backup (no header line); nothing was changed', error);
  }
  if (
    typeof rawHeader !== 'object' ||
    rawHeader === null ||
    (rawHeader as { format?: unknown }).format !== backupFormat
  ) {
    return fail('foreign', 'not an ollamamon backup (unknown format); nothing was changed');
  }
  const version = (rawHeader as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > backupFormatVersion) {
    return fail(
      'unsupported-version',
      `backup format version ${version} is newer than this ollamamon reads (${backupFormatVersion}); ` +
        'upgrade ollamamon to restore it; nothing was changed',
    );
  }
  const header = backupHeaderSchema.safeParse(rawHeader);
  if (!header.success || header.data.formatVersion !== backupFormatVersion) {
    return fail(
      'unsupported-version',
      `unsupported backup header (${header.success ? `version ${header.data.formatVersion}` : header.error.issues[0]?.message}); nothing was changed`,
    );
  }

  const payloadText = newline === -1 ? '' : text.slice(newline + 1);
  const payloadBytes = Buffer.byteLength(payloadText, 'utf8');
  if (payloadBytes !== header.data.payloadBytes) {
    return fail(
      payloadBytes < header.data.payloadBytes ? 'truncated' : 'corrupt',
      `the backup holds ${payloadBytes} payload bytes, its header says ${header.data.payloadBytes}; nothing was changed`,
    );
  }
  const sha256 = createHash('sha256').update(payloadText, 'utf8').digest('hex');
  if (sha256 !== header.data.payloadSha256) {
    return fail(
      'checksum-mismatch',
      'the backup checksum does not match its content (the file was altered); nothing was changed',
    );
  }
  let rawPayload: unknown;
  try {
    rawPayload = JSON.parse(payloadText);
  } catch (error) {
    return fail('corrupt', 'the backup content is not valid JSON; nothing was changed', error);
  }
  const payload = backupPayloadSchema.safeParse(rawPayload);
  if (!payload.success) {
    const issue = payload.error.issues[0];
    return fail(
      'invalid-content',
      `the backup content is invalid at ${formatPath(issue?.path ?? [])}: ${issue?.message}; nothing was changed`,
    );
  }
  return { header: header.data, payload: payload.data };
}
