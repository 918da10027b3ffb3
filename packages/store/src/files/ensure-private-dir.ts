import { mkdirSync } from 'node:fs';

/** Create `directory` (and parents) readable only by the user, if it does not exist. */
export function ensurePrivateDir(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
}
