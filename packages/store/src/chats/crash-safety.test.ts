import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { startWriter } from '../test-support/run-child.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();
const kills = 10;

describe('crash safety', () => {
  it(`keeps every acknowledged message across ${kills} SIGKILLs at random moments`, async () => {
    const home = tempHome();
    const acknowledged: number[] = [];
    for (let round = 0; round < kills; round += 1) {
      const writer = startWriter([home, '0', `round${round}`]);
      // Wait for the first acknowledged write, then kill at a random moment while it keeps writing.
      await writer.waitForIds(1);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 120));
      writer.child.kill('SIGKILL');
      const exit = await writer.exited;
      expect(exit.signal).toBe('SIGKILL');
      acknowledged.push(...writer.ids);

      const sqlite = new DatabaseSync(join(home, 'ollamamon.db'));
      expect(sqlite.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const present = new Set(
        (sqlite.prepare('SELECT id FROM messages').all() as { id: number }[]).map((row) => row.id),
      );
      sqlite.close();
      const missing = acknowledged.filter((id) => !present.has(id));
      expect(missing).toEqual([]);

      // The store itself opens and its search index agrees with the table.
      const store = openStore({ home });
      expect(store.chats.search(`round${round}`).length).toBeGreaterThan(0);
      store.close();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(kills);
    console.log(
      `crash test: ${kills} kills, ${acknowledged.length} acknowledged messages, none lost`,
    );
  }, 60_000); // ten child processes on a busy 2-core machine
});
