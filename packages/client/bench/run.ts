// Benchmarks of @ollamamon/client (run: pnpm --filter @ollamamon/client bench).
//
// 1. Streamed chat from the simulator at zero token delay, in chunks/s, through
//    @ollamamon/client (validation on, and off), the official `ollama` package, and a bare
//    fetch + line split + JSON.parse reader, interleaved in one run (order rotated each round).
//    Two regimes:
//    - "buffered": the reader starts after the answer sits in the socket buffers, so chunks/s is
//      the reader's own throughput (client-bound). This is where the readers differ.
//    - "live": reading starts at once; chunks/s is bounded by the slower of simulator and reader.
//    Plus chunks per CPU second of this process (process.cpuUsage), the client's cost per chunk.
//    The simulator runs in a child process so its CPU time is not counted.
// 2. fleet.inventory() over 50 simulated hosts with 5 refusing and 5 stalled, against one timeout.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createClient, createFleet } from '@ollamamon/client';
import { Ollama } from 'ollama/browser';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 4000);
const FILL_MS = Number(process.env.BENCH_FILL_MS ?? 400);
const FLEET_TIMEOUT_MS = Number(process.env.BENCH_FLEET_TIMEOUT_MS ?? 1000);
const MODEL = 'qwen3:0.6b';

function startSimulators(
  count: number,
  faults: boolean,
): Promise<{ urls: string[]; stop: () => void }> {
  const script = fileURLToPath(new URL('./simulators.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [script, String(count), String(faults), MODEL, String(TOKENS)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('\n'))
        resolve({ urls: JSON.parse(output) as string[], stop: () => child.stdin.end() });
    });
    child.once('error', reject);
  });
}

const request = {
  model: MODEL,
  messages: [{ role: 'user', content: 'Count to a large number.' }],
  options: { num_predict: TOKENS },
  think: false,
};

interface Reading {
  chunks: number;
  seconds: number;
  cpuSeconds: number;
}

/** Times only the reading: `open` sends the request and returns once the headers arrived. */
async function timed(fillMs: number, open: () => Promise<() => Promise<number>>): Promise<Reading> {
  const read = await open();
  if (fillMs > 0) await sleep(fillMs);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const chunks = await read();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { chunks, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

type Reader = (url: string, fillMs: number) => Promise<Reading>;

const bare: Reader = (url, fillMs) =>
  timed(fillMs, async () => {
    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
      body: JSON.stringify({ ...request, stream: true }),
    });
    return async () => {
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let chunks = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return chunks;
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') continue;
          const chunk = JSON.parse(line);
          chunks++;
          if (chunk.done) return chunks;
        }
      }
    };
  });

const official: Reader = (url, fillMs) =>
  timed(fillMs, async () => {
    const stream = await new Ollama({ host: url }).chat({ ...request, stream: true });
    return async () => {
      let chunks = 0;
      for await (const _chunk of stream) chunks++;
      return chunks;
    };
  });

const ours =
  (validate: boolean): Reader =>
  (url, fillMs) =>
    timed(fillMs, async () => {
      const stream = await createClient({ host: url, validate }).chat({ ...request, stream: true });
      return async () => {
        let chunks = 0;
        for await (const _chunk of stream) chunks++;
        return chunks;
      };
    });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const BARE = 'bare fetch + split + JSON.parse';
const OFFICIAL = 'official ollama package';
const CLIENT = '@ollamamon/client (validation on)';
const readers: Array<[string, Reader]> = [
  [BARE, bare],
  [OFFICIAL, official],
  [CLIENT, ours(true)],
  ['@ollamamon/client (validation off)', ours(false)],
];

async function regime(url: string, label: string, fillMs: number): Promise<void> {
  const rates = new Map<string, number[]>(readers.map(([name]) => [name, []]));
  const cpuRates = new Map<string, number[]>(readers.map(([name]) => [name, []]));
  for (const [, read] of readers) await read(url, 0); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    for (let offset = 0; offset < readers.length; offset++) {
      const [name, read] = readers[(round + offset) % readers.length] as [string, Reader];
      const reading = await read(url, fillMs);
      rates.get(name)?.push(reading.chunks / reading.seconds);
      cpuRates.get(name)?.push(reading.chunks / reading.cpuSeconds);
    }
  }
  console.log(
    `\n${label}: ${TOKENS} tokens per answer, zero token delay, ${ROUNDS} rounds, medians`,
  );
  console.log(`  ${''.padEnd(38)} ${'chunks/s'.padStart(10)} ${'chunks per CPU s'.padStart(17)}`);
  const wall = new Map<string, number>();
  const cpu = new Map<string, number>();
  for (const [name] of readers) {
    wall.set(name, median(rates.get(name) ?? []));
    cpu.set(name, median(cpuRates.get(name) ?? []));
    console.log(
      `  ${name.padEnd(38)} ${Math.round(wall.get(name) ?? 0)
        .toString()
        .padStart(10)} ${Math.round(cpu.get(name) ?? 0)
        .toString()
        .padStart(17)}`,
    );
  }
  const ratio = (table: Map<string, number>, a: string, b: string): string =>
    ((table.get(a) as number) / (table.get(b) as number)).toFixed(2);
  console.log(
    `  client/official: ${ratio(wall, CLIENT, OFFICIAL)}x chunks/s, ${ratio(cpu, CLIENT, OFFICIAL)}x per CPU s (target >= 1.0x)`,
  );
  console.log(
    `  client/bare:     ${ratio(wall, CLIENT, BARE)}x chunks/s, ${ratio(cpu, CLIENT, BARE)}x per CPU s`,
  );
  console.log(
    `  official/bare:   ${ratio(wall, OFFICIAL, BARE)}x chunks/s, ${ratio(cpu, OFFICIAL, BARE)}x per CPU s`,
  );
}

async function streamingBench(): Promise<void> {
  const { urls, stop } = await startSimulators(1, false);
  const url = urls[0] as string;
  await regime(url, `buffered (reading starts ${FILL_MS} ms after the headers)`, FILL_MS);
  await regime(url, 'live (reading starts at once)', 0);
  stop();
}

async function fleetBench(): Promise<void> {
  const { urls, stop } = await startSimulators(50, true);
  const fleet = createFleet({
    hosts: urls.map((url, index) => ({ name: `host-${index}`, url })),
    probeTimeoutMs: FLEET_TIMEOUT_MS,
  });
  const times: number[] = [];
  let up = 0;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    const inventory = await fleet.inventory();
    times.push(performance.now() - started);
    up = inventory.hosts.filter((host) => host.up).length;
  }
  const elapsed = median(times);
  console.log(
    `\nfleet.inventory() over 50 hosts (5 refusing, 5 stalled), timeout ${FLEET_TIMEOUT_MS} ms, 5 rounds: median ${Math.round(elapsed)} ms = ${(elapsed / FLEET_TIMEOUT_MS).toFixed(2)}x one timeout (target <= 1.2x); ${up} up, ${50 - up} down`,
  );
  stop();
}

await streamingBench();
await fleetBench();
