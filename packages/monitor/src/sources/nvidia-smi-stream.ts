import { basename } from 'node:path';
import type { LineProcess, LineProcessExit, SystemIo } from '../io/system-io.js';
import {
  type NvidiaAppRow,
  nvidiaAppArguments,
  nvidiaGpuArguments,
  parseNvidiaAppLine,
  parseNvidiaGpuLine,
} from '../parsers/parse-nvidia-smi.js';
import type { GpuDevice, GpuProcess } from '../types.js';

export interface NvidiaSmiStreamOptions {
  io: SystemIo;
  /** The command, optionally with leading arguments (e.g. `[process.execPath, 'fake-nvidia-smi.mjs']`). */
  command: string[];
  intervalMs: number;
  now: () => number;
}

export interface NvidiaSmiStream {
  /** Resolves when the first device row arrives (true) or the tool exits first (false). */
  ready: Promise<boolean>;
  devices(): GpuDevice[];
  processes(): GpuProcess[];
  /** Why the stream stopped, or null while it runs. */
  failure(): string | null;
  stop(): void;
}

function exitReason(command: string, exit: LineProcessExit, stdoutTail: string): string {
  const code = (exit.error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `${command} not found on PATH`;
  if (exit.error) return `${command} could not start: ${exit.error.message}`;
  // nvidia-smi prints "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver" on stdout.
  const detail = (exit.stderr.trim() || stdoutTail.trim()).split('\n')[0] ?? '';
  return `${command} exited with code ${exit.exitCode}${detail ? `: ${detail}` : ''}`;
}

/**
 * Two long-lived `nvidia-smi` processes with `--loop-ms`: one prints the device query, the other the
 * per-process list (`--query-compute-apps`). Nothing is spawned per sample; the latest rows are kept.
 * The per-process list has no frame marker (an empty list prints nothing), so a row is dropped once it
 * has not been repeated for three intervals.
 */
export function startNvidiaSmiStream(options: NvidiaSmiStreamOptions): NvidiaSmiStream {
  const [command = 'nvidia-smi', ...leading] = options.command;
  const label = basename(leading[0] ?? command);
  const staleAfterMs = Math.max(3 * options.intervalMs, 3000);
  const devices = new Map<number, GpuDevice>();
  const apps = new Map<string, { row: NvidiaAppRow; seenAtMs: number }>();
  let failure: string | null = null;
  let resolveReady: (value: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => {
    resolveReady = resolve;
  });
  const children: LineProcess[] = [];

  /** Each loop keeps the text lines that are not rows, for the reason if it exits. */
  const loop = (args: string[], onRow: (line: string) => boolean) => {
    let stdoutTail = '';
    children.push(
      options.io.spawnLines(command, [...leading, ...args], {
        onLine(line) {
          if (!onRow(line) && line.trim()) stdoutTail = `${stdoutTail}\n${line}`.slice(-2000);
        },
        onExit(exit) {
          failure ??= exitReason(label, exit, stdoutTail);
          resolveReady(false);
        },
      }),
    );
  };
  loop(nvidiaGpuArguments(options.intervalMs), (line) => {
    const device = parseNvidiaGpuLine(line);
    if (!device) return false;
    devices.set(device.index, device);
    resolveReady(true);
    return true;
  });
  loop(nvidiaAppArguments(options.intervalMs), (line) => {
    const row = parseNvidiaAppLine(line);
    if (!row) return line.startsWith('No running processes'); // nvidia-smi's words for an empty list
    apps.set(`${row.gpuUuid}/${row.pid}`, { row, seenAtMs: options.now() });
    return true;
  });

  return {
    ready,
    devices: () => [...devices.values()].sort((left, right) => left.index - right.index),
    processes() {
      const byUuid = new Map([...devices.values()].map((device) => [device.id, device.index]));
      const oldest = options.now() - staleAfterMs;
      const result: GpuProcess[] = [];
      for (const [key, { row, seenAtMs }] of apps) {
        if (seenAtMs < oldest) {
          apps.delete(key);
          continue;
        }
        const gpuIndex = byUuid.get(row.gpuUuid);
        if (gpuIndex === undefined) continue;
        result.push({
          pid: row.pid,
          gpuIndex,
          processName: row.processName,
          usedMemoryBytes: row.usedMemoryBytes,
        });
      }
      return result;
    },
    failure: () => failure,
    stop() {
      for (const child of children) child.stop();
      resolveReady(false);
    },
  };
}
