// Parse throughput of @ollamamon/modelfile (the built dist) beside JSON.parse of a JSON document
// of the same size. Run: pnpm --filter @ollamamon/modelfile bench
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelfile } from '@ollamamon/modelfile';

const corpusDirectory = join(import.meta.dirname, '..', 'src', '__fixtures__', 'corpus');
const MB = 1024 * 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** CPU time (user + system, this process) of one call, in milliseconds. */
function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Median MB/s of two workloads measured in alternation, by CPU time, so that other processes on
 * a shared machine slow neither one more than the other.
 */
function compare(
  first: { sizeBytes: number; run: () => unknown },
  second: { sizeBytes: number; run: () => unknown },
  minimumMs = 3000,
): [number, number] {
  for (let warm = 0; warm < 3; warm++) {
    first.run();
    second.run();
  }
  const firstRates: number[] = [];
  const secondRates: number[] = [];
  const begin = performance.now();
  while (performance.now() - begin < minimumMs || firstRates.length < 7) {
    firstRates.push(first.sizeBytes / MB / (cpuMs(first.run) / 1000));
    secondRates.push(second.sizeBytes / MB / (cpuMs(second.run) / 1000));
  }
  return [median(firstRates), median(secondRates)];
}

function parseable(text: string): boolean {
  try {
    parseModelfile(text);
    return true;
  } catch {
    return false;
  }
}

// 1. The corpus: every file Ollama accepts, concatenated
const corpusTexts = readdirSync(corpusDirectory)
  .filter((name) => name.endsWith('.Modelfile'))
  .sort()
  .map((name) => readFileSync(join(corpusDirectory, name), 'utf8'))
  .filter(parseable);
const corpus = corpusTexts.join('\n');

// 2. A 10 MB synthetic Modelfile: a realistic mix of short lines and long multi-line values
const block = [
  '# a comment line about the next parameters',
  'FROM llama3.2:3b-instruct-q4_K_M',
  'PARAMETER temperature 0.7',
  'PARAMETER num_ctx 8192',
  'PARAMETER stop "<|start_header_id|>"',
  'PARAMETER stop "<|eot_id|>"',
  'TEMPLATE """{{- if .System }}<|start_header_id|>system<|end_header_id|>',
  '',
  '{{ .System }}<|eot_id|>',
  '{{- end }}',
  '{{- range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>',
  '',
  '{{ .Content }}<|eot_id|>',
  '{{- end }}<|start_header_id|>assistant<|end_header_id|>',
  '"""',
  'SYSTEM "You are a careful assistant. Answer briefly, cite sources, and say so when you do not know."',
  'MESSAGE user Why is the sky blue?',
  'MESSAGE assistant Because of Rayleigh scattering: shorter wavelengths scatter more.',
  '',
].join('\n');
const syntheticSize = 10 * MB;
const syntheticText = block.repeat(Math.round(syntheticSize / block.length));

// 3. JSON documents of the same sizes: the commands as JSON, repeated to the size
function jsonOfSize(text: string): string {
  const items = parseModelfile(text).commands.map(({ name, args }) =>
    JSON.stringify({ name, args }),
  );
  const picked: string[] = [];
  let size = 2;
  for (let index = 0; size < text.length; index++) {
    const item = items[index % items.length]!;
    picked.push(item);
    size += item.length + 1;
  }
  return `[${picked.join(',')}]`;
}

const rows: Array<Record<string, string | number>> = [];
for (const [label, text] of [
  ['corpus concatenated', corpus],
  ['synthetic 10 MB', syntheticText],
] as const) {
  const json = jsonOfSize(text);
  const commands = parseModelfile(text).commands.length;
  const [parseRate, jsonRate] = compare(
    { sizeBytes: text.length, run: () => parseModelfile(text) },
    { sizeBytes: json.length, run: () => JSON.parse(json) },
  );
  rows.push({
    input: label,
    'size MB': Number((text.length / MB).toFixed(2)),
    commands,
    'parseModelfile MB/s': Number(parseRate.toFixed(1)),
    'JSON MB': Number((json.length / MB).toFixed(2)),
    'JSON.parse MB/s': Number(jsonRate.toFixed(1)),
    ratio: Number((parseRate / jsonRate).toFixed(2)),
  });
}

console.log(
  `node ${process.version}; MB/s by CPU time, median of runs alternating with JSON.parse (>= 3 s each input)`,
);
console.table(rows);
const worst = Math.min(...rows.map((row) => Number(row.ratio)));
console.log(
  `lowest ratio ${worst} (target >= 0.25x JSON.parse): ${worst >= 0.25 ? 'met' : 'NOT met'}`,
);
