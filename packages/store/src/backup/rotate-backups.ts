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
  const ordered = names.flatMap((name) => {
    const match = backupFilePattern.exec(name);
    // Same-millisecond archives get a -N suffix: order by time, then N.
    return match ? [{ name, key: `${match[1]}.${(match[2] ?? '0').padStart(6, '0')}` }] : [];
  });
  return ordered
    .sort((left, right) => (left.key < right.key ? 1 : left.key > right.key ? -1 : 0))
    .map((entry) => join(folder, entry.name));
}

/** Keep the newest `keepLast` backups in `folder`, delete older ones. Returns the deleted paths. */
export function rotateBackups(folder: string, keepLast: number): string[] {
  const removed = listBackups(folder).slice(Math.max(1, keepLast));
  for (const file of removed) rmSync(file, { force: true });
  return removed;
}
