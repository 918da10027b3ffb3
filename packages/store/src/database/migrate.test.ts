import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { SchemaVersionError, StoreError } from '../errors/index.ts';
import { openStore } from '../open-store.ts';
import { useTempHomes } from '../test-support/temp-home.ts';
import { openDatabase } from './database.ts';
import { migrate, readSchemaVersion } from './migrate.ts';
import { schemaVersion } from './migrations.ts';

const tempHome = useTempHomes();
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('migrate', () => {
  it('builds the newest schema in an empty database, in WAL mode', () => {
    const home = tempHome();
    const store = openStore({ home });
    store.close();
    const sqlite = new DatabaseSync(join(home, 'ollamamon.db'));
    const version = sqlite.prepare('PRAGMA user_version').get() as { user_version: number };
    const mode = sqlite.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
    const tables = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    sqlite.close();
    expect(version.user_version).toBe(schemaVersion);
    expect(schemaVersion).toBe(4);
    expect(mode.journal_mode).toBe('wal');
    expect(tables).toEqual(
      expect.arrayContaining([
        'bench_runs',
        'chats',
        'messages',
        'messages_fts',
        'model_notes',
        'pulls',
        'usage',
        'usage_samples',
      ]),
    );
  });

  it('upgrades a version-1 database and keeps (and indexes) its data', () => {
    const home = tempHome();
    const file = join(home, 'ollamamon.db');
    const old = openDatabase(file);
    expect(migrate(old, { to: 1 })).toEqual({ from: 0, to: 1 });
    old.sqlite.exec(`
      INSERT INTO chats (id, title, created_at, updated_at) VALUES ('old', 'Old chat', 1000, 2000);
      INSERT INTO messages (chat_id, role, content, created_at)
        VALUES ('old', 'user', 'a question about marmalade', 1500);
    `);
    old.close();

    const store = openStore({ home });
    expect(store.chats.get('old')).toMatchObject({ title: 'Old chat' });
    expect(store.chats.search('marmalade').map((hit) => hit.chatId)).toEqual(['old']);
    store.bench.add({
      suite: 'quick',
      startedAt: new Date().toISOString(),
      environment: {},
      results: [],
    });
    expect(store.bench.list()).toHaveLength(1);
    store.close();

    const reopened = openDatabase(file);
    expect(readSchemaVersion(reopened)).toBe(schemaVersion);
    reopened.close();
  });

  it('upgrades a version-3 database: old messages have no done reason, new ones keep theirs', () => {
    const home = tempHome();
    const file = join(home, 'ollamamon.db');
    const old = openDatabase(file);
    expect(migrate(old, { to: 3 })).toEqual({ from: 0, to: 3 });
    old.sqlite.exec(`
      INSERT INTO chats (id, title, created_at, updated_at) VALUES ('v3', 'Before schema 4', 1000, 2000);
      INSERT INTO messages (chat_id, role, content, model, metrics, created_at)
        VALUES ('v3', 'assistant', 'an older reply', 'qwen3:8b', '{"outputTokens":3}', 1500);
    `);
    old.close();

    const store = openStore({ home });
    const [message] = store.chats.messages('v3');
    expect(message).toMatchObject({ content: 'an older reply', metrics: { outputTokens: 3 } });
    expect(message).not.toHaveProperty('doneReason');
    // The old row can be marked, and new rows carry theirs.
    expect(store.chats.updateMessage(message!.id, { doneReason: 'stop' }).doneReason).toBe('stop');
    store.chats.append('v3', { role: 'assistant', content: 'cut', doneReason: 'aborted' });
    expect(store.chats.messages('v3').map((stored) => stored.doneReason)).toEqual([
      'stop',
      'aborted',
    ]);
    expect(store.chats.search('older')).toHaveLength(1);
    store.close();

    const reopened = openDatabase(file);
    expect(readSchemaVersion(reopened)).toBe(4);
    reopened.close();
  });

  it('refuses a database from a newer ollamamon without changing the file', () => {
    const home = tempHome();
    openStore({ home }).close();
    const file = join(home, 'ollamamon.db');
    const sqlite = new DatabaseSync(file);
    sqlite.exec('PRAGMA user_version = 99');
    sqlite.close();
    const before = sha256(file);

    const failure = (() => {
      try {
        openStore({ home });
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(SchemaVersionError);
    expect((failure as SchemaVersionError).message).toMatch(
      /schema version 99, but this ollamamon understands up to version 4\. Upgrade ollamamon/,
    );
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file that is not a database with a clear message', () => {
    const home = tempHome();
    writeFileSync(join(home, 'ollamamon.db'), 'this is not sqlite, just text '.repeat(200));
    expect(() => openStore({ home })).toThrowError(StoreError);
    expect(() => openStore({ home })).toThrowError(/could not be opened as an ollamamon database/);
  });
});
