import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BackupError } from '../errors/index.ts';
import { openStore, type Store } from '../open-store.ts';
import { fillStore, snapshot, snapshotWithFiles } from '../test-support/snapshot.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();

async function storeWithBackup() {
  const store = openStore({ home: tempHome() });
  fillStore(store, 'a');
  fillStore(store, 'b');
  const backup = await store.createBackup();
  return { store, backup, original: snapshot(store) };
}

function refusal(store: Store, file: string) {
  return store.restoreBackup(file, { mode: 'replace' }).then(
    () => undefined,
    (error: unknown) => error as BackupError,
  );
}

/** Rewrite an archive's gunzipped text and gzip it again. */
function rewrite(file: string, change: (text: string) => string): string {
  const target = `${file}.changed.json.gz`;
  writeFileSync(target, gzipSync(change(gunzipSync(readFileSync(file)).toString('utf8'))));
  return target;
}

describe('backup and restore', () => {
  it('restores into an empty store exactly what was backed up', async () => {
    const { store, backup, original } = await storeWithBackup();
    expect(backup.counts).toEqual({ settings: 3, chats: 2, notes: 2, usage: 2, bench: 2 });
    expect(backup.header).toMatchObject({ format: 'ollamamon-backup', formatVersion: 1 });
    const fresh = openStore({ home: tempHome() });
    const report = await fresh.restoreBackup(backup.file, { mode: 'replace' });
    expect(report.sections.chats).toEqual({ inArchive: 2, added: 2, replaced: 0, removed: 0 });
    expect(snapshot(fresh)).toEqual(original);
    expect(fresh.chats.search('tides')).toHaveLength(2);
    // Why a reply ended travels with it (schema 4).
    const restored = fresh.chats.messages(original.chats[0]!.id);
    expect(restored.map((message) => message.doneReason)).toEqual([
      undefined,
      undefined,
      undefined,
      'aborted',
    ]);
    store.close();
    fresh.close();
  });

  it('replace mode brings a changed store back to the backup', async () => {
    const { store, backup, original } = await storeWithBackup();
    fillStore(store, 'c');
    store.chats.rename(original.chats[0]!.id, 'renamed');
    store.settings.switchProfile('profile-c');
    const report = await store.restoreBackup(backup.file, { mode: 'replace' });
    expect(report.sections.chats).toEqual({ inArchive: 2, added: 0, replaced: 2, removed: 1 });
    expect(snapshot(store)).toEqual(original);
    store.close();
  });

  it('merge mode adds and overwrites from the archive and keeps the rest', async () => {
    const { store, backup, original } = await storeWithBackup();
    const extra = fillStore(store, 'c');
    store.chats.rename(original.chats[0]!.id, 'renamed');
    const report = await store.restoreBackup(backup.file);
    expect(report.mode).toBe('merge');
    expect(store.chats.get(original.chats[0]!.id)?.title).toBe('Chat a');
    expect(store.chats.get(extra.id)?.title).toBe('Chat c');
    expect(store.settings.profiles()).toEqual(
      expect.arrayContaining(['default', 'profile-a', 'profile-b', 'profile-c']),
    );
    expect(store.usage.get({ host: 'local', model: 'model-a' })?.requests).toBe(1);
    store.close();
  });

  it('a dry run reports what would change and changes nothing', async () => {
    const { store, backup } = await storeWithBackup();
    fillStore(store, 'c');
    const before = snapshotWithFiles(store);
    const report = await store.restoreBackup(backup.file, { mode: 'replace', dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.sections.chats).toEqual({ inArchive: 2, added: 0, replaced: 2, removed: 1 });
    expect(snapshotWithFiles(store)).toEqual(before);
    store.close();
  });

  it('restores only the sections asked for', async () => {
    const { store, backup, original } = await storeWithBackup();
    store.notes.remove({ host: 'local', model: 'model-a' });
    store.chats.remove(original.chats[0]!.id);
    const report = await store.restoreBackup(backup.file, { include: ['notes'] });
    expect(Object.keys(report.sections)).toEqual(['notes']);
    expect(store.notes.list()).toEqual(original.notes);
    expect(store.chats.list()).toHaveLength(1);
    store.close();
  });

  it('inspects an archive without restoring it', async () => {
    const { store, backup } = await storeWithBackup();
    expect(store.inspectBackup(backup.file).sections).toEqual([
      'settings',
      'chats',
      'notes',
      'usage',
      'bench',
    ]);
    store.close();
  });
});

describe('restoring a bad archive', () => {
  const cases: [string, (file: string) => string, BackupError['problem'], RegExp][] = [
    [
      'a truncated archive',
      (file) => {
        const bytes = readFileSync(file);
        writeFileSync(`${file}.cut`, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return `${file}.cut`;
      },
      'truncated',
      /truncated/,
    ],
    [
      'an archive with a damaged byte',
      (file) => {
        const bytes = Buffer.from(readFileSync(file));
        bytes[bytes.length - 6]! ^= 0xff; // inside gzip's CRC-32 trailer
        writeFileSync(`${file}.bad`, bytes);
        return `${file}.bad`;
      },
      'corrupt',
      /corrupt/,
    ],
    [
      'an archive whose content was altered',
      (file) => rewrite(file, (text) => text.replace('Chat a', 'Chat z')),
      'checksum-mismatch',
      /checksum does not match/,
    ],
    [
      'an archive of a newer format version',
      (file) => rewrite(file, (text) => text.replace('"formatVersion":1', '"formatVersion":2')),
      'unsupported-version',
      /format version 2 is newer than this ollamamon reads \(1\)/,
    ],
    [
      'a gzip file that is not ours',
      (file) => {
        writeFileSync(`${file}.foreign`, gzipSync('{"hello":"world"}\n{}'));
        return `${file}.foreign`;
      },
      'foreign',
      /not an ollamamon backup/,
    ],
    [
      'a file that is not gzip at all',
      (file) => {
        writeFileSync(`${file}.txt`, 'version = 1\n');
        return `${file}.txt`;
      },
      'foreign',
      /not a gzip file/,
    ],
    [
      'an archive with a well-formed checksum but invalid records',
      (file) =>
        rewrite(file, (text) => {
          const newline = text.indexOf('\n');
          const header = JSON.parse(text.slice(0, newline));
          const payload = text.slice(newline + 1).replace('"role":"user"', '"role":"robot"');
          header.payloadBytes = Buffer.byteLength(payload);
          header.payloadSha256 = createHash('sha256').update(payload).digest('hex');
          return `${JSON.stringify(header)}\n${payload}`;
        }),
      'invalid-content',
      /invalid at chats\[0\]\.messages\[0\]\.role/,
    ],
  ];

  it.each(cases)('refuses %s and changes nothing', async (_name, damage, problem, message) => {
    const { store, backup } = await storeWithBackup();
    fillStore(store, 'c'); // so that a replace would visibly change things
    const before = snapshotWithFiles(store);
    const failure = await refusal(store, damage(backup.file));
    expect(failure).toBeInstanceOf(BackupError);
    expect(failure?.problem).toBe(problem);
    expect(failure?.message).toMatch(message);
    expect(failure?.message).toMatch(/nothing was changed/);
    expect(snapshotWithFiles(store)).toEqual(before);
    store.close();
  });

  it('refuses a missing file', async () => {
    const store = openStore({ home: tempHome() });
    const failure = await refusal(store, join(store.backupsDir, 'nope.json.gz'));
    expect(failure?.problem).toBe('unreadable');
    store.close();
  });
});
