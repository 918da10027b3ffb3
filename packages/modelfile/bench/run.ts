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

/** Median MB/s of `run` over `text.length` characters (one character = one byte here: ASCII-heavy). */
function throughput(sizeBytes: number, run: () => unknown, minimumMs = 1500): number {
  for (let warm = 0; warm < 3; warm++) run();
  const rates: number[] = [];
  const begin = performance.now();
  while (performance.now() - begin < minimumMs || rates.length < 5) {
    const start = performance.now();
    run();
    const elapsed = performance.now() - start;
    rates.push(sizeBytes / MB / (elapsed / 1000));
  }
  return median(rates);
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
  const parseRate = throughput(text.length, () => parseModelfile(text));
  const jsonRate = throughput(json.length, () => JSON.parse(json));
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

console.log(`node ${process.version}, median of repeated runs (each >= 1.5 s)`);
console.table(rows);
const worst = Math.min(...rows.map((row) => Number(row.ratio)));
console.log(
  `lowest ratio ${worst} (target >= 0.25x JSON.parse): ${worst >= 0.25 ? 'met' : 'NOT met'}`,
);
