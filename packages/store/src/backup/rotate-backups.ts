import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupFilePattern } from './backup-format.ts';

/** The store's backup files in `folder`, newest first (other files are ignored). */
export function listBackups(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => backupFilePattern.test(name))
    .sort()
    .reverse()
    .map((name) => join(folder, name));
}

/** Keep the newest `keepLast` backups in `folder`, delete older ones. Returns the deleted paths. */
export function rotateBackups(folder: string, keepLast: number): string[] {
  const removed = listBackups(folder).slice(Math.max(1, keepLast));
  for (const file of removed) rmSync(file, { force: true });
  return removed;
}
