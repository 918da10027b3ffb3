/**
 * `pnpm --filter ollamamon bench`: what the chat screen costs while a reply streams at 1,000 tokens/s for 20 s,
 * for the app as shipped (coalesced flushes, windowed transcript) beside two variants that re-render on every
 * token (OLLAMAMON_CHAT_RENDER=per-token: same windowed view; =naive: and the whole transcript rendered each
 * time; see src/chat/render-mode.ts), in one run; then the time from process start to the first frame beside
 * `node -e ""`.
 *
 * The real built app (dist/cli.js) runs as a child process whose piped stdin/stdout are made to look like a
 * 120x36 terminal (bench/fake-tty.ts), so Ink renders exactly as in a terminal; the child's own CPU time is read
 * with process.cpuUsage() inside it, between two marks around the streaming reply. The simulator runs here, in
 * the parent, so its work is not counted.
 *
 * Options (env): BENCH_SECONDS (default 20), BENCH_TOKENS_PER_SECOND (1000), BENCH_PER_TOKEN_SECONDS (5),
 * BENCH_NAIVE_SECONDS (3), BENCH_STARTUP_RUNS (5), BENCH_MODES (coalesced,per-token,naive;
 * add `startup` to time the start-up after a partial run, e.g. BENCH_MODES=startup), BENCH_CLI.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '@ollamamon/simulator';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const tokensPerSecond = Number(process.env.BENCH_TOKENS_PER_SECOND ?? 1000);
const startupRuns = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const naiveSeconds = Number(process.env.BENCH_NAIVE_SECONDS ?? 3);
const perTokenSeconds = Number(process.env.BENCH_PER_TOKEN_SECONDS ?? 5);
// BENCH_CLI: another build of the app (e.g. a private copy while others rebuild dist/).
const cli = process.env.BENCH_CLI ?? fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const fakeTty = fileURLToPath(new URL('./fake-tty.ts', import.meta.url));
// Terminal escape sequences (CSI, OSC, charset, keypad), built from strings to keep control characters
// out of regex literals.
const escapeCharacter = '\u001b';
const ansiPattern = new RegExp(
  [
    `${escapeCharacter}\\[[0-9;?]*[ -/]*[@-~]`,
    `${escapeCharacter}\\][^\u0007]*\u0007`,
    `${escapeCharacter}[()][0-9A-Za-z]`,
    `${escapeCharacter}[=>78]`,
  ].join('|'),
  'g',
);
const stripAnsi = (text: string) => text.replace(ansiPattern, '');

type Mark = {
  atMs: number;
  userMicros: number;
  systemMicros: number;
  frames: number;
  bytes: number;
  eventLoopUtilization: number;
};

const childEnv = (extra: Record<string, string>) => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TERM: 'xterm-256color',
    FORCE_COLOR: '1',
    ...extra,
  };
  delete env.CI;
  delete env.NO_COLOR;
  return env;
};

/** Starts the app; resolves helpers to wait for screen text and send keys. */
const startApp = (host: string, variables: Record<string, string>) => {
  const home = mkdtempSync(join(tmpdir(), 'ollamamon-bench-'));
  const statsFile = join(home, 'stats.json');
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['--import', fakeTty, cli, '--host', host], {
    env: childEnv({ OLLAMAMON_HOME: home, BENCH_STATS_FILE: statsFile, ...variables }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  let firstFrameMs: number | undefined;
  const waiters: { test: (text: string) => boolean; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    // Keep a bounded tail: enough to find the text we wait for.
    text = (text + stripAnsi(chunk)).slice(-20_000);
    if (firstFrameMs === undefined && text.includes('Models'))
      firstFrameMs = performance.now() - startedAt;
    for (const waiter of [...waiters]) {
      if (waiter.test(text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (test: (text: string) => boolean, what: string, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      if (test(text)) return resolve();
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `bench: no "${what}" after ${timeoutMs} ms. stderr: ${stderr}\nscreen tail: ${text.slice(-2000)}`,
            ),
          ),
        timeoutMs,
      );
      waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  return {
    child,
    firstFrame: async () => {
      await waitFor((value) => value.includes('Models'), 'first frame');
      return firstFrameMs ?? Number.NaN;
    },
    waitFor,
    clear: () => {
      text = '';
    },
    text: () => text,
    press: (keys: string) => child.stdin.write(keys),
    mark: () => child.kill('SIGUSR2'),
    stop: async (): Promise<Mark[]> => {
      child.kill('SIGTERM');
      await exited;
      try {
        return JSON.parse(readFileSync(statsFile, 'utf8')) as Mark[];
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    },
  };
};

const median = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

type Mode = 'coalesced' | 'per-token' | 'naive';

const streamRun = async (host: string, mode: Mode) => {
  const app = startApp(host, { OLLAMAMON_CHAT_RENDER: mode });
  await app.firstFrame();
  app.press('2');
  await app.waitFor((text) => text.includes('Chat with'), 'the chat tab');
  app.clear();
  app.press('go');
  await app.waitFor((text) => text.includes('go'), 'the typed prompt');
  app.clear();
  // The window is the whole reply: from Enter until the app shows it done. A variant that cannot keep up
  // takes longer than the simulator's 20 s, and its CPU time still covers the same 20,000 tokens.
  app.mark();
  app.press('\r');
  // The status line turns to "1 reply · …" when the reply is done (incremental rendering may skip the
  // unchanged start of a line, so only this short text is looked for).
  await app.waitFor(
    (text) => text.includes('1 reply'),
    'the end of the reply',
    (seconds + 600) * 1000,
  );
  app.mark();
  const outputTokens = Number(
    /1 reply · [\d,]+ in · ([\d,]+) out/.exec(app.text())?.[1]?.replaceAll(',', '') ?? Number.NaN,
  );
  const marks = await app.stop();
  const [start, end] = marks;
  if (!start || !end) throw new Error('bench: the app recorded no marks');
  const wallSeconds = (end.atMs - start.atMs) / 1000;
  const cpuSeconds =
    (end.userMicros + end.systemMicros - start.userMicros - start.systemMicros) / 1e6;
  return {
    mode,
    wallSeconds,
    cpuSeconds,
    coreShare: cpuSeconds / wallSeconds,
    framesPerSecond: (end.frames - start.frames) / wallSeconds,
    tokens: outputTokens,
    tokensPerSecond: outputTokens / wallSeconds,
    cpuMillisecondsPer1kTokens: (cpuSeconds * 1e6) / outputTokens,
    kilobytesPerSecond: (end.bytes - start.bytes) / 1024 / wallSeconds,
  };
};

const startupRun = async (host: string) => {
  const app = startApp(host, {});
  const firstFrameMs = await app.firstFrame();
  await app.stop();
  return firstFrameMs;
};

const nodeBaseline = () =>
  new Promise<number>((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - startedAt));
  });

// The simulator paces the tokens here: on a busy machine give this process priority so the rate holds
// (allowed for root; otherwise the rate each run got is printed beside it).
try {
  setPriority(-10);
} catch {
  // Not permitted: run at the normal priority.
}
const startPacedSimulator = (replySeconds: number) =>
  startSimulator({
    models: ['llama3.2:1b'],
    loaded: ['llama3.2:1b'],
    tokenDelayMs: 1000 / tokensPerSecond,
    loadDelayMs: 0,
    responseTokens: {
      min: Math.round(replySeconds * tokensPerSecond),
      max: Math.round(replySeconds * tokensPerSecond),
    },
  });
const simulator = await startPacedSimulator(seconds);
// The variants that re-render on every token cannot keep up with 1,000 tok/s on a shared 2-core machine (the
// reply then takes minutes; the naive one's cost grows with the square of the reply), so they stream shorter
// replies at the same rate and every variant is compared by CPU time per 1,000 tokens.
const perTokenSimulator = await startPacedSimulator(perTokenSeconds);
const naiveSimulator = await startPacedSimulator(naiveSeconds);

try {
  console.log(
    `ollamamon TUI bench: ${tokensPerSecond} tok/s for ${seconds} s into the chat screen (node ${process.version})`,
  );
  const modes = (process.env.BENCH_MODES ?? 'coalesced,per-token,naive').split(',');
  const run = async (mode: Mode) =>
    modes.includes(mode)
      ? await streamRun(
          { coalesced: simulator, 'per-token': perTokenSimulator, naive: naiveSimulator }[mode].url,
          mode,
        )
      : undefined;
  const coalesced = await run('coalesced');
  const perToken = await run('per-token');
  const naive = await run('naive');
  if (!coalesced || !perToken || !naive) {
    console.log(JSON.stringify({ coalesced, perToken, naive }));
    if (modes.includes('startup')) {
      const startup: number[] = [];
      const baseline: number[] = [];
      for (let run = 0; run < startupRuns; run += 1) {
        startup.push(await startupRun(simulator.url));
        baseline.push(await nodeBaseline());
      }
      console.log(
        `  start to first frame: ${median(startup).toFixed(0)} ms (median of ${startupRuns}: ${startup.map((value) => value.toFixed(0)).join(', ')}) · node -e "": ${median(baseline).toFixed(0)} ms · ratio ${(median(startup) / median(baseline)).toFixed(1)}x`,
      );
    }
  } else {
    const row = (result: Awaited<ReturnType<typeof streamRun>>) =>
      `  ${result.mode.padEnd(10)} cpu ${result.cpuSeconds.toFixed(2).padStart(6)} s over ${result.wallSeconds.toFixed(1)} s = ${(result.coreShare * 100).toFixed(1).padStart(5)}% of a core · ${result.tokens} tokens at ${result.tokensPerSecond.toFixed(0)} tok/s · ${result.cpuMillisecondsPer1kTokens.toFixed(0).padStart(5)} ms CPU per 1k tokens · ${result.framesPerSecond.toFixed(1).padStart(6)} frames/s · ${result.kilobytesPerSecond.toFixed(1)} KiB/s written`;
    console.log(row(coalesced));
    console.log(row(perToken));
    console.log(row(naive));
    // The replies differ in length: compare CPU time per 1,000 tokens.
    const perTokenRatio =
      coalesced.cpuMillisecondsPer1kTokens / perToken.cpuMillisecondsPer1kTokens;
    const naiveRatio = coalesced.cpuMillisecondsPer1kTokens / naive.cpuMillisecondsPer1kTokens;
    console.log(
      `  CPU, coalesced vs re-render on every token: ${perTokenRatio.toFixed(3)}x of per-token, ${naiveRatio.toFixed(3)}x of naive, per 1k tokens (target <= 0.2x) · coalesced ${coalesced.framesPerSecond.toFixed(1)} frames/s (target <= 30)`,
    );

    const startup: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < startupRuns; run += 1) {
      startup.push(await startupRun(simulator.url));
      baseline.push(await nodeBaseline());
    }
    const app = median(startup);
    const node = median(baseline);
    console.log(
      `  start to first frame: ${app.toFixed(0)} ms (median of ${startupRuns}) · node -e "": ${node.toFixed(0)} ms · ratio ${(app / node).toFixed(1)}x`,
    );
    console.log(
      JSON.stringify({
        coalesced,
        perToken,
        naive,
        perTokenCpuRatio: perTokenRatio,
        naiveCpuPer1kTokensRatio: naiveRatio,
        startupMs: app,
        nodeBaselineMs: node,
        startupRatio: app / node,
      }),
    );
  }
} finally {
  await simulator.close();
  await perTokenSimulator.close();
  await naiveSimulator.close();
}
