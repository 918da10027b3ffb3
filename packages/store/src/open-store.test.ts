import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultHome } from './default-home.ts';
import { openStore } from './open-store.ts';
import { useTempHomes } from './test-support/temp-home.ts';

const tempHome = useTempHomes();
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('openStore', () => {
  it('creates private files: folders 0700, database, WAL, settings and backups 0600', async () => {
    const home = join(tempHome(), 'nested', 'home');
    const store = openStore({ home });
    const chat = store.chats.create();
    store.chats.append(chat.id, { role: 'user', content: 'hello' });
    const backup = await store.createBackup();
    expect(modeOf(home)).toBe(0o700);
    expect(modeOf(store.backupsDir)).toBe(0o700);
    for (const file of [
      store.databaseFile,
      `${store.databaseFile}-wal`,
      `${store.databaseFile}-shm`,
      store.settings.file,
      backup.file,
    ]) {
      expect([file, modeOf(file)]).toEqual([file, 0o600]);
    }
    store.close();
  });

  it('splits config and data folders when given both', () => {
    const root = tempHome();
    const store = openStore({
      home: { configDir: join(root, 'config'), dataDir: join(root, 'data') },
    });
    expect(store.settings.file).toBe(join(root, 'config', 'settings.toml'));
    expect(store.databaseFile).toBe(join(root, 'data', 'ollamamon.db'));
    store.close();
  });
});

describe('defaultHome', () => {
  it('uses $OLLAMAMON_HOME for everything when set', () => {
    expect(defaultHome({ OLLAMAMON_HOME: '/srv/ollamamon' })).toEqual({
      configDir: '/srv/ollamamon',
      dataDir: '/srv/ollamamon',
    });
  });

  it('falls back to the platform folders', () => {
    const home = defaultHome({});
    expect(home.configDir).toMatch(/ollamamon$/);
    expect(home.dataDir).toMatch(/ollamamon$/);
  });
});
