import { execFile, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** What a finished command printed. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/** Runs a command to completion. Rejects (error.code `ENOENT`) when the command does not exist. */
export type CommandRunner = (command: string, args: string[]) => Promise<CommandResult>;

/** Reads a whole text file. Rejects when it does not exist. */
export type FileReader = (path: string) => Promise<string>;

/** Lists the names in a directory. Rejects when it does not exist. */
export type DirectoryReader = (path: string) => Promise<string[]>;

export interface LineProcessExit {
  exitCode: number | null;
  /** Spawn failure, e.g. error.code `ENOENT` when the tool is missing. */
  error: Error | null;
  /** The last lines the process wrote to stderr (for the "not available" reason). */
  stderr: string;
}

export interface LineProcessHandlers {
  onLine(line: string): void;
  onExit(exit: LineProcessExit): void;
}

/** A long-lived process whose stdout is read line by line. */
export interface LineProcess {
  stop(): void;
}

/** Starts a long-lived command and reports each stdout line. */
export type LineSpawner = (
  command: string,
  args: string[],
  handlers: LineProcessHandlers,
) => LineProcess;

/** The operating system as the sources see it; every part can be replaced in tests. */
export interface SystemIo {
  platform: NodeJS.Platform;
  readFile: FileReader;
  readDir: DirectoryReader;
  run: CommandRunner;
  spawnLines: LineSpawner;
}

const maxOutputBytes = 8 * 1024 * 1024;

/** The real operating system: node:fs and node:child_process, no shell. */
export function createSystemIo(): SystemIo {
  return {
    platform: process.platform,
    readFile: (path) => readFile(path, 'utf8'),
    readDir: (path) => readdir(path),
    run: (command, args) =>
      new Promise((resolve, reject) => {
        execFile(
          command,
          args,
          { maxBuffer: maxOutputBytes, timeout: 10_000, windowsHide: true },
          (error, stdout, stderr) => {
            if (error && typeof error.code === 'string') {
              reject(error);
              return;
            }
            resolve({
              stdout,
              stderr,
              exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
            });
          },
        );
      }),
    spawnLines: (command, args, handlers) => {
      const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      let stderr = '';
      let exited = false;
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-2000);
      });
      createInterface({ input: child.stdout }).on('line', (line) => handlers.onLine(line));
      const finish = (exit: LineProcessExit) => {
        if (exited) return;
        exited = true;
        handlers.onExit(exit);
      };
      child.on('error', (error) => finish({ exitCode: null, error, stderr }));
      child.on('close', (code) => finish({ exitCode: code, error: null, stderr }));
      return {
        stop: () => {
          exited = true;
          if (child.exitCode === null && child.signalCode === null) child.kill();
        },
      };
    },
  };
}

/** Turns a spawn failure into a "not available" reason. */
export function describeCommandFailure(command: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `${command} not found on PATH`;
  if (code === 'EACCES') return `${command} is not executable`;
  return `${command} failed: ${error instanceof Error ? error.message : String(error)}`;
}
