/** Shared pieces of the e2e tests: a temp OLLAMAMON_HOME, the built CLI, running it without tmux. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './tmux.js';

/** Fails fast with a clear message when the app was not built (turbo builds it before `test`). */
export function assertBuilt(): void {
  if (!existsSync(cliPath)) {
    throw new Error(
      `${cliPath} is missing: build first (pnpm turbo run build --filter=ollamamon...)`,
    );
  }
}

/** A fresh OLLAMAMON_HOME; `remove()` deletes it. */
export function temporaryHome(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'ollamamon-e2e-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Environment for the app: no CI, no inherited OLLAMA_HOST, the given home. */
export function appEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OLLAMAMON_HOME: home, ...extra };
  delete env.CI;
  delete env.OLLAMA_HOST;
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
}

/** Runs `ollamamon <args>` to completion (no terminal) and returns its status and output. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      { env, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
