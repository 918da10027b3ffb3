// Streaming rate of the simulator with zero token delay, in NDJSON chunks/s, beside a minimal
// node:http server writing the same bytes: one line per write, and 64 lines per write (what the
// simulator does at zero delay). Run: pnpm --filter @ollamamon/simulator bench
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

async function bareServer(lines: string[], perWrite: number): Promise<Server> {
  const writes: string[] = [];
  for (let index = 0; index < lines.length; index += perWrite) {
    writes.push(lines.slice(index, index + perWrite).join(''));
  }
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      for (const text of writes) {
        if (!res.write(text)) await new Promise((resolve) => res.once('drain', resolve));
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
const servers = {
  'simulator (/api/generate)': simulator.url,
  'bare node:http, 1 line/write': '',
  'bare node:http, 64 lines/write': '',
};
const perLine = await bareServer(lines, 1);
const batched = await bareServer(lines, 64);
servers['bare node:http, 1 line/write'] =
  `http://127.0.0.1:${(perLine.address() as AddressInfo).port}`;
servers['bare node:http, 64 lines/write'] =
  `http://127.0.0.1:${(batched.address() as AddressInfo).port}`;

const rates = new Map<string, number[]>(Object.keys(servers).map((name) => [name, []]));
for (const url of Object.values(servers)) await measure(url);
for (let round = 0; round < rounds; round++) {
  // Interleaved, so that load from other processes hits every server alike.
  for (const [name, url] of Object.entries(servers)) {
    const result = await measure(url);
    rates.get(name)?.push(result.lines / result.seconds);
  }
}
await simulator.close();
perLine.close();
batched.close();

const medians = new Map([...rates].map(([name, values]) => [name, median(values)]));
const simulatorRate = medians.get('simulator (/api/generate)') as number;
const format = (value: number): string => Math.round(value).toLocaleString('en-US').padStart(11);
console.log(
  `NDJSON streaming at zero token delay: ${lines.length} lines per response, median of ${rounds} rounds`,
);
console.log('| server                          |    chunks/s | simulator / this |');
console.log('| ------------------------------- | ----------: | ---------------: |');
for (const [name, rate] of medians) {
  console.log(
    `| ${name.padEnd(31)} |${format(rate)} | ${`${(simulatorRate / rate).toFixed(2)}x`.padStart(16)} |`,
  );
}
