#!/usr/bin/env node
// Stand-in for a long-lived `nvidia-smi --query-... --format=csv,noheader,nounits --loop-ms=N`:
// prints the recorded CSV fixture every N ms until killed, as nvidia-smi does.
// `--scenario=driver-failure` prints nvidia-smi's driver error and exits 9, as nvidia-smi does;
// `--scenario=exit-after-first` prints one reading and exits.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const here = new URL('.', import.meta.url);
if (args.includes('--scenario=driver-failure')) {
  process.stdout.write(readFileSync(new URL('nvidia-smi-driver-failure.txt', here), 'utf8'));
  process.exit(9);
}
const file = args.some((arg) => arg.startsWith('--query-compute-apps='))
  ? 'nvidia-smi-compute-apps.csv'
  : 'nvidia-smi-two-gpus.csv';
const text = readFileSync(new URL(file, here), 'utf8');
const loop = args.find((arg) => arg.startsWith('--loop-ms='));
const intervalMs = loop ? Number(loop.slice('--loop-ms='.length)) : 0;
process.stdout.write(text);
if (args.includes('--scenario=exit-after-first')) {
  // As after a driver reset: one reading, then nvidia-smi ends. Late enough that the other loop (its
  // twin started at the same moment, often hundreds of ms later on a busy machine) has printed too.
  setTimeout(() => process.exit(0), 1500);
} else if (intervalMs > 0) setInterval(() => process.stdout.write(text), intervalMs);
