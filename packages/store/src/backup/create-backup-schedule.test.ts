import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { fillStore } from '../test-support/snapshot.ts';
import { useTempHomes } from '../test-support/temp-home.ts';
import { createBackupSchedule } from './create-backup-schedule.ts';
import { listBackups } from './rotate-backups.ts';

const tempHome = useTempHomes();

describe('createBackupSchedule', () => {
  it('keeps the last N archives in its folder and leaves other files alone', async () => {
    const store = openStore({ home: tempHome() });
    fillStore(store);
    const folder = join(store.home.dataDir, 'scheduled');
    const results: string[] = [];
    const schedule = createBackupSchedule({
      store,
      folder,
      intervalMs: 3_600_000,
      keepLast: 2,
      onBackup: (result) => results.push(result.file),
    });
    await schedule.runNow();
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    await schedule.runNow();
    const third = await schedule.runNow();
    const fourth = await schedule.runNow();
    expect(results).toHaveLength(4);
    expect(third.removed).toEqual([results[0]]);
    expect(fourth.removed).toEqual([results[1]]);
    expect(listBackups(folder)).toEqual([results[3], results[2]]);
    expect(readdirSync(folder)).toContain('notes.txt');
    // Each kept archive restores.
    const fresh = openStore({ home: tempHome() });
    await fresh.restoreBackup(results[3]!);
    expect(fresh.chats.list()).toHaveLength(1);
    store.close();
    fresh.close();
  });

  it('runs on its timer, and after a restart waits for the interval since the newest archive', async () => {
    const store = openStore({ home: tempHome() });
    const folder = join(store.home.dataDir, 'timed');
    let runs = 0;
    const done = new Promise<void>((resolve) => {
      const schedule = createBackupSchedule({
        store,
        folder,
        intervalMs: 20,
        keepLast: 3,
        onBackup: () => {
          runs += 1;
          if (runs === 4) {
            schedule.stop();
            resolve();
          }
        },
      });
      schedule.start();
      expect(schedule.nextRunAt()).toBeInstanceOf(Date);
    });
    await done;
    expect(listBackups(folder)).toHaveLength(3);

    const later = createBackupSchedule({ store, folder, intervalMs: 3_600_000 });
    later.start();
    const waitMs = (later.nextRunAt()?.getTime() ?? 0) - Date.now();
    expect(waitMs).toBeGreaterThan(3_500_000);
    later.stop();
    expect(later.nextRunAt()).toBeUndefined();
    store.close();
  });
});

describe('listBackups', () => {
  it('orders archives made in the same millisecond by their suffix', () => {
    const folder = tempHome();
    for (const name of [
      'ollamamon-backup-20260101T000000000Z.json.gz',
      'ollamamon-backup-20260101T000000000Z-1.json.gz',
      'ollamamon-backup-20260101T000000000Z-2.json.gz',
      'ollamamon-backup-20251231T000000000Z.json.gz',
      'other.json.gz',
    ]) {
      writeFileSync(join(folder, name), '');
    }
    expect(listBackups(folder).map((file) => file.slice(folder.length + 1))).toEqual([
      'ollamamon-backup-20260101T000000000Z-2.json.gz',
      'ollamamon-backup-20260101T000000000Z-1.json.gz',
      'ollamamon-backup-20260101T000000000Z.json.gz',
      'ollamamon-backup-20251231T000000000Z.json.gz',
    ]);
  });
});
