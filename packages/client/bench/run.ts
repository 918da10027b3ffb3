// Benchmarks of @ollamamon/client (run: pnpm --filter @ollamamon/client bench).
// 1. Streamed chat from the simulator at zero token delay, in chunks/s, through @ollamamon/client
//    (validation on, and off), through the official `ollama` package, and through a bare
//    fetch + line split + JSON.parse reader, interleaved in one run; prints both ratios.
// 2. fleet.inventory() over 50 simulated hosts with 5 refusing and 5 stalled, against one timeout.
// The simulators run in a worker thread, so the client's event loop is measured alone.
import { Worker } from 'node:worker_threads';
import { createClient, createFleet } from '@ollamamon/client';
import { Ollama } from 'ollama/browser';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 20000);
const FLEET_TIMEOUT_MS = Number(process.env.BENCH_FLEET_TIMEOUT_MS ?? 1000);
const MODEL = 'qwen3:0.6b';

interface Started {
  urls: string[];
}

function startSimulators(
  count: number,
  faults: boolean,
): Promise<{ urls: string[]; worker: Worker }> {
  const worker = new Worker(new URL('./simulators.ts', import.meta.url), {
    workerData: { count, faults, model: MODEL, tokens: TOKENS },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: Started) => resolve({ urls: message.urls, worker }));
    worker.once('error', reject);
  });
}

const body = (host: string) => ({
  model: MODEL,
  messages: [{ role: 'user', content: 'Count to a large number.' }],
  options: { num_predict: TOKENS },
  host,
});

async function bare(url: string): Promise<number> {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
    body: JSON.stringify({ ...body(url), host: undefined, stream: true }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
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
  return chunks;
}

async function official(url: string): Promise<number> {
  const ollama = new Ollama({ host: url });
  const { host: _host, ...request } = body(url);
  let chunks = 0;
  for await (const _chunk of await ollama.chat({ ...request, stream: true })) chunks++;
  return chunks;
}

function ours(validate: boolean) {
  return async (url: string): Promise<number> => {
    const client = createClient({ host: url, validate });
    const { host: _host, ...request } = body(url);
    let chunks = 0;
    for await (const _chunk of await client.chat({ ...request, stream: true })) chunks++;
    return chunks;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function streamingBench(): Promise<void> {
  const { urls, worker } = await startSimulators(1, false);
  const url = urls[0] as string;
  const readers: Array<[string, (url: string) => Promise<number>]> = [
    ['bare fetch + split + JSON.parse', bare],
    ['official ollama package', official],
    ['@ollamamon/client (validation on)', ours(true)],
    ['@ollamamon/client (validation off)', ours(false)],
  ];
  const rates = new Map<string, number[]>(readers.map(([name]) => [name, []]));
  for (const [, read] of readers) await read(url); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, read] of readers) {
      const started = performance.now();
      const chunks = await read(url);
      const seconds = (performance.now() - started) / 1000;
      rates.get(name)?.push(chunks / seconds);
    }
  }
  console.log(
    `streamed chat, ${TOKENS} tokens per answer, zero token delay, ${ROUNDS} rounds (median chunks/s):`,
  );
  const medians = new Map<string, number>();
  for (const [name, values] of rates) {
    medians.set(name, median(values));
    console.log(
      `  ${name.padEnd(38)} ${Math.round(median(values)).toString().padStart(9)} chunks/s`,
    );
  }
  const ourRate = medians.get('@ollamamon/client (validation on)') as number;
  const officialRate = medians.get('official ollama package') as number;
  const bareRate = medians.get('bare fetch + split + JSON.parse') as number;
  console.log(`  ratio client/official: ${(ourRate / officialRate).toFixed(2)}x (target >= 1.0x)`);
  console.log(`  ratio client/bare:     ${(ourRate / bareRate).toFixed(2)}x`);
  console.log(`  ratio official/bare:   ${(officialRate / bareRate).toFixed(2)}x`);
  worker.postMessage('close');
}

async function fleetBench(): Promise<void> {
  const { urls, worker } = await startSimulators(50, true);
  const fleet = createFleet({
    hosts: urls.map((url, index) => ({ name: `host-${index}`, url })),
    probeTimeoutMs: FLEET_TIMEOUT_MS,
  });
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof fleet.inventory>> | undefined;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    last = await fleet.inventory();
    times.push(performance.now() - started);
  }
  const up = last?.hosts.filter((host) => host.up).length;
  const elapsed = median(times);
  console.log(
    `fleet.inventory() over 50 hosts (5 refusing, 5 stalled), timeout ${FLEET_TIMEOUT_MS} ms: median ${Math.round(elapsed)} ms = ${(elapsed / FLEET_TIMEOUT_MS).toFixed(2)}x one timeout (target <= 1.2x); ${up} up, ${50 - (up ?? 0)} down`,
  );
  worker.postMessage('close');
}

await streamingBench();
await fleetBench();
