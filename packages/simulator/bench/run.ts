// Streaming rate of the simulator with zero token delay, in NDJSON chunks/s, beside a minimal
// node:http server writing the same bytes one line per write. Run: pnpm --filter @ollamamon/simulator bench
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '@ollamamon/simulator';

const tokens = Number(process.env.BENCH_TOKENS ?? 20000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const body = JSON.stringify({
  model: 'llama3.2:1b',
  prompt: 'Why is the sky blue?',
  options: { seed: 1 },
});

/** POSTs and counts NDJSON lines; returns [lines, bytes, seconds]. */
function measure(
  url: string,
): Promise<{ lines: number; bytes: number; seconds: number; text?: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      `${url}/api/generate`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let lines = 0;
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1))
            lines++;
        });
        res.on('end', () =>
          resolve({ lines, bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function capture(url: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/generate`, { method: 'POST' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve(
          text
            .split('\n')
            .filter(Boolean)
            .map((line) => `${line}\n`),
        ),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function bareServer(lines: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      for (const line of lines) {
        if (!res.write(line)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const simulator = await startSimulator({
  models: ['llama3.2:1b'],
  tokenDelayMs: 0,
  loadDelayMs: 0,
  promptTokensPerSecond: 1e9,
  responseTokens: { min: tokens, max: tokens },
});
const lines = await capture(simulator.url);
const bare = await bareServer(lines);
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

const simulatorRates: number[] = [];
const bareRates: number[] = [];
await measure(simulator.url);
await measure(bareUrl);
for (let round = 0; round < rounds; round++) {
  const a = await measure(simulator.url);
  simulatorRates.push(a.lines / a.seconds);
  const b = await measure(bareUrl);
  bareRates.push(b.lines / b.seconds);
}
await simulator.close();
bare.close();

const simulatorMedian = median(simulatorRates);
const bareMedian = median(bareRates);
const format = (value: number): string => Math.round(value).toLocaleString('en-US').padStart(12);
console.log(`NDJSON streaming, ${lines.length} lines per response, ${rounds} rounds, median:`);
console.log('| server                         |    chunks/s |');
console.log('| ------------------------------ | ----------: |');
console.log(`| simulator (/api/generate)      |${format(simulatorMedian)} |`);
console.log(`| bare node:http (same bytes)    |${format(bareMedian)} |`);
console.log(
  `| ratio simulator / bare         |${(simulatorMedian / bareMedian).toFixed(2).padStart(11)}x |`,
);
