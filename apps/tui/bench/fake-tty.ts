/**
 * Preloaded into the app by bench/run.ts (`node --import ./bench/fake-tty.ts dist/cli.js`): makes the piped
 * stdin/stdout look like a 120x36 terminal so Ink renders interactively, counts what the app writes, and on
 * SIGUSR2 records a mark (CPU time used so far, writes, bytes). On SIGTERM it writes the marks as JSON to
 * $BENCH_STATS_FILE and exits (BENCH_CPU_PROFILE: see below).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const stdout = process.stdout as NodeJS.WriteStream & {
  isTTY: boolean;
  columns: number;
  rows: number;
};
stdout.isTTY = true;
stdout.columns = Number(process.env.BENCH_COLUMNS ?? 120);
stdout.rows = Number(process.env.BENCH_ROWS ?? 36);
const stdin = process.stdin as NodeJS.ReadStream & {
  isTTY: boolean;
  setRawMode: (mode: boolean) => unknown;
};
stdin.isTTY = true;
stdin.setRawMode = () => stdin;

// Ink wraps each frame in synchronized-output marks (BSU ... ESU), written as separate writes: a frame is a
// BSU, or a write outside any BSU/ESU pair.
const beginSync = '\u001b[?2026h';
const endSync = '\u001b[?2026l';
let frames = 0;
let inSync = false;
let bytes = 0;
const write = stdout.write.bind(stdout);
stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  if (chunk === beginSync) {
    inSync = true;
    frames += 1;
  } else if (chunk === endSync) inSync = false;
  else if (!inSync) frames += 1;
  bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
  return (write as (...values: unknown[]) => boolean)(chunk, ...rest);
}) as typeof stdout.write;

type Mark = {
  atMs: number;
  userMicros: number;
  systemMicros: number;
  frames: number;
  bytes: number;
  eventLoopUtilization: number;
};
const marks: Mark[] = [];
const mark = () => {
  const cpu = process.cpuUsage();
  marks.push({
    atMs: performance.now(),
    userMicros: cpu.user,
    systemMicros: cpu.system,
    frames,
    bytes,
    eventLoopUtilization: performance.eventLoopUtilization().utilization,
  });
};

// BENCH_CPU_PROFILE=<file>: a V8 CPU profile of the app between the first two marks (the streaming reply),
// for chrome://inspect or any .cpuprofile viewer. Not used for the figures (profiling costs CPU itself).
const profileFile = process.env.BENCH_CPU_PROFILE;
const session = profileFile ? new Session() : undefined;
const profile = async () => {
  if (!session || !profileFile) return;
  if (marks.length === 1) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  } else if (marks.length === 2) {
    const { profile: result } = await session.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(result));
  }
};

process.on('SIGUSR2', () => {
  mark();
  void profile();
});
process.on('SIGTERM', () => {
  mark();
  if (process.env.BENCH_STATS_FILE)
    writeFileSync(process.env.BENCH_STATS_FILE, JSON.stringify(marks));
  process.exit(0);
});
