import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { startWriter } from '../test-support/run-child.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();

describe('two processes writing at once (WAL)', () => {
  it('keeps every message of both writers, with this process reading meanwhile', async () => {
    const home = tempHome();
    // Both start on a fresh home: they also race to create and migrate the database.
    const first = startWriter([home, '400', 'first', '1']);
    const second = startWriter([home, '400', 'second', '1']);
    await first.waitForIds(20);
    await second.waitForIds(20);
    // A third connection reads while both write.
    const reader = openStore({ home });
    expect(reader.chats.search('first').length).toBeGreaterThan(0);
    const [firstExit, secondExit] = await Promise.all([first.exited, second.exited]);
    expect(firstExit, first.stderr()).toEqual({ code: 0, signal: null });
    expect(secondExit, second.stderr()).toEqual({ code: 0, signal: null });
    expect(first.ids).toHaveLength(400);
    expect(second.ids).toHaveLength(400);
    // Row ids are allocated in commit order: interleaved ids prove the writes overlapped in time.
    const firstIds = new Set(first.ids);
    const order = [...first.ids, ...second.ids].sort((a, b) => a - b);
    const switches = order.filter(
      (id, index) => index > 0 && firstIds.has(id) !== firstIds.has(order[index - 1]!),
    ).length;
    expect(switches).toBeGreaterThan(10);
    console.log(`two writers: 800 messages, writes interleaved ${switches} times`);
    expect(new Set([...first.ids, ...second.ids]).size).toBe(800);

    const total = reader.chats.list().reduce((sum, chat) => sum + chat.messageCount, 0);
    expect(total).toBe(800);
    expect(reader.chats.search('"first message 399"')).toHaveLength(1);
    expect(reader.chats.search('"second message 399"')).toHaveLength(1);
    reader.close();

    const sqlite = new DatabaseSync(join(home, 'ollamamon.db'));
    expect(sqlite.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    sqlite.close();
  }, 60_000);
});
