import { statSync } from 'node:fs';
import type { BackupResult, CreateBackupOptions } from './create-backup.ts';
import { listBackups, rotateBackups } from './rotate-backups.ts';

export interface BackupScheduleOptions extends Omit<CreateBackupOptions, 'file' | 'folder'> {
  /** Something with `createBackup`, normally the store. */
  store: { createBackup(options: CreateBackupOptions): Promise<BackupResult> };
  /** Folder for the archives. */
  folder: string;
  /** Time between backups. */
  intervalMs: number;
  /** How many archives to keep; older ones are deleted after each backup. @default 7 */
  keepLast?: number;
  onBackup?: (result: BackupResult & { removed: string[] }) => void;
  /** Called when a scheduled backup fails; the schedule keeps running. */
  onError?: (error: unknown) => void;
}

/** A running backup schedule. */
export interface BackupSchedule {
  /** Start the timer. The first backup is due one interval after the newest archive in the folder. */
  start(): void;
  stop(): void;
  /** Back up now (then rotate), whatever the timer says. */
  runNow(): Promise<BackupResult & { removed: string[] }>;
  /** When the next backup will run, while started. */
  nextRunAt(): Date | undefined;
}

/**
 * Periodic backups into a folder with rotation, for the apps to run. The timer is unref'd, so it
 * never keeps a process alive on its own.
 *
 * @example
 * const schedule = createBackupSchedule({ store, folder, intervalMs: 24 * 3600_000, keepLast: 7 });
 * schedule.start();
 */
export function createBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const { store, folder, intervalMs, keepLast = 7, onBackup, onError, ...backupOptions } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextRun: Date | undefined;
  let running: Promise<BackupResult & { removed: string[] }> | undefined;

  const runNow = () => {
    running ??= (async () => {
      try {
        const result = await store.createBackup({ ...backupOptions, folder });
        const removed = rotateBackups(folder, keepLast);
        const outcome = { ...result, removed };
        onBackup?.(outcome);
        return outcome;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const schedule = (delayMs: number) => {
    nextRun = new Date(Date.now() + delayMs);
    timer = setTimeout(() => {
      runNow()
        .catch((error: unknown) => onError?.(error))
        .finally(() => {
          if (timer !== undefined) schedule(intervalMs);
        });
    }, delayMs);
    timer.unref();
  };

  return {
    start() {
      if (timer !== undefined) return;
      const newest = listBackups(folder)[0];
      const lastMs = newest === undefined ? 0 : statSync(newest).mtimeMs;
      schedule(Math.max(0, lastMs + intervalMs - Date.now()));
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      nextRun = undefined;
    },
    runNow,
    nextRunAt: () => nextRun,
  };
}
