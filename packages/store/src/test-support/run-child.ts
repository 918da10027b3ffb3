import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const writeChatsScript = fileURLToPath(new URL('./write-chats.ts', import.meta.url));

/** Start `node <script> ...args` and collect the ids it prints. */
export function startWriter(args: string[]): {
  child: ChildProcess;
  ids: number[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once at least `count` ids were printed. */
  waitForIds(count: number): Promise<void>;
} {
  const child = spawn(process.execPath, [writeChatsScript, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ids: number[] = [];
  let pending = '';
  let errors = '';
  const waiters: { count: number; resolve: () => void }[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line !== '') ids.push(Number(line));
    for (const waiter of [...waiters]) {
      if (ids.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    ids,
    stderr: () => errors,
    exited,
    waitForIds: (count) =>
      ids.length >= count
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiters.push({ count, resolve })),
            exited.then(({ code }) => {
              throw new Error(`writer exited (${code}) after ${ids.length} ids: ${errors}`);
            }),
          ]),
  };
}
