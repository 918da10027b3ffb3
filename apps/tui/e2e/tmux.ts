/**
 * The tmux driver for end-to-end tests: runs a command in a real terminal on a private tmux server
 * (`tmux -L <unique socket>`), reads the screen with capture-pane and types with send-keys.
 *
 * Ink renders only the last frame when CI is set (is-in-ci), so the child runs with CI removed and
 * TERM=xterm-256color. Always `await session.kill()` in afterAll: it kills the private server.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Absolute path of the built CLI the e2e tests drive. */
export const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface TmuxOptions {
  /** argv of the program to run, e.g. ['node', cliPath, '--host', url]. */
  command: readonly string[];
  /** Extra environment for the child (CI is always removed). */
  env?: Readonly<Record<string, string>>;
  /** @default 120 */
  columns?: number;
  /** @default 36 */
  rows?: number;
  cwd?: string;
}

export interface WaitOptions {
  /** @default 15000 */
  timeoutMs?: number;
  /** @default 50 */
  intervalMs?: number;
}

export interface TmuxSession {
  readonly socket: string;
  /** The visible screen as plain text, lines joined with \n (with `escapes`, colours and attributes kept). */
  screen(options?: { escapes?: boolean }): Promise<string>;
  /** Polls the screen until `expected` appears (string: substring; RegExp: test; function: predicate). */
  waitFor(
    expected: string | RegExp | ((screen: string) => boolean),
    options?: WaitOptions,
  ): Promise<string>;
  /** Polls the screen until `text` is gone. */
  waitForGone(text: string | RegExp, options?: WaitOptions): Promise<string>;
  /** Sends tmux key names: 'Enter', 'Escape', 'Space', 'Down', 'C-c', 'q'. */
  press(...keys: string[]): Promise<void>;
  /** Types literal text (no key-name interpretation). */
  type(text: string): Promise<void>;
  /** A tmux format value for the pane, e.g. '#{pane_dead}', '#{alternate_on}', '#{cursor_flag}'. */
  paneInfo(format: string): Promise<string>;
  /** Waits until the program has exited (the pane stays, remain-on-exit) and returns its exit status. */
  waitForExit(options?: WaitOptions): Promise<number>;
  /** Kills the private tmux server and everything in it. Safe to call twice. */
  kill(): Promise<void>;
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function matches(
  screen: string,
  expected: string | RegExp | ((screen: string) => boolean),
): boolean {
  if (typeof expected === 'string') return screen.includes(expected);
  if (expected instanceof RegExp) return expected.test(screen);
  return expected(screen);
}

/** Starts `command` in a fresh tmux server on a private socket. */
export async function startTmux(options: TmuxOptions): Promise<TmuxSession> {
  const socket = `ollamamon-e2e-${process.pid}-${randomBytes(4).toString('hex')}`;
  const columns = options.columns ?? 120;
  const rows = options.rows ?? 36;
  const childEnv: Record<string, string> = {
    TERM: 'xterm-256color',
    FORCE_COLOR: '1',
    ...options.env,
  };
  const assignments = Object.entries(childEnv).map(([key, value]) => `${key}=${shellQuote(value)}`);
  // `env -u CI`: Ink's CI mode would render only the final frame.
  const commandLine = ['env', '-u', 'CI', ...assignments, ...options.command.map(shellQuote)].join(
    ' ',
  );
  const tmuxEnv: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  delete tmuxEnv.CI;
  delete tmuxEnv.TMUX;
  const tmux = async (...args: string[]): Promise<string> => {
    const result = await run('tmux', ['-L', socket, '-f', '/dev/null', ...args], {
      env: tmuxEnv,
      cwd: options.cwd,
    });
    return result.stdout;
  };
  let killed = false;

  await tmux(
    'new-session',
    '-d',
    '-s',
    'e2e',
    '-x',
    String(columns),
    '-y',
    String(rows),
    'sh',
    '-c',
    // After the program exits, the shell prints its status and the terminal's mode, so tests can see
    // that the app left the terminal as it found it. `exec sleep` keeps the pane for inspection.
    `${commandLine}; echo "[exit $?]"; stty -a | grep -Eo -- '-?(icanon|echo)\\b' | tr '\\n' ' '; echo; echo "[done]"; exec sleep 3600`,
  );

  const screen = async (screenOptions: { escapes?: boolean } = {}) =>
    (
      await tmux('capture-pane', '-p', ...(screenOptions.escapes ? ['-e'] : []), '-t', 'e2e')
    ).replace(/\s+$/u, '');

  const waitUntil = async (
    predicate: (screen: string) => boolean,
    description: string,
    waitOptions: WaitOptions = {},
  ): Promise<string> => {
    const timeoutMs = waitOptions.timeoutMs ?? 15_000;
    const intervalMs = waitOptions.intervalMs ?? 50;
    const deadline = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      last = await screen();
      if (predicate(last)) return last;
      if (Date.now() > deadline) {
        throw new Error(
          `tmux: timed out after ${timeoutMs} ms waiting for ${description}. Screen:\n${last}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };

  return {
    socket,
    screen,
    waitFor: (expected, waitOptions) =>
      waitUntil((text) => matches(text, expected), `${String(expected)}`, waitOptions),
    waitForGone: (text, waitOptions) =>
      waitUntil((value) => !matches(value, text), `${String(text)} to disappear`, waitOptions),
    async press(...keys) {
      await tmux('send-keys', '-t', 'e2e', ...keys);
    },
    async type(text) {
      await tmux('send-keys', '-t', 'e2e', '-l', text);
    },
    async paneInfo(format) {
      return (await tmux('display-message', '-p', '-t', 'e2e', format)).trim();
    },
    async waitForExit(waitOptions) {
      const text = await waitUntil(
        (value) => value.includes('[done]'),
        'the program to exit',
        waitOptions,
      );
      const match = /\[exit (\d+)\]/u.exec(text);
      return match ? Number(match[1]) : Number.NaN;
    },
    async kill() {
      if (killed) return;
      killed = true;
      await tmux('kill-server').catch(() => undefined);
    },
  };
}
