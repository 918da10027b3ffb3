import type { GpuDevice } from '../types.js';

const mebibyte = 1024 * 1024;

/** The `--query-gpu` fields the monitor asks for, in this order. */
export const nvidiaGpuFields = [
  'index',
  'uuid',
  'name',
  'utilization.gpu',
  'memory.used',
  'memory.total',
  'temperature.gpu',
  'power.draw',
  'power.limit',
  'fan.speed',
  'clocks.sm',
  'clocks.mem',
] as const;

/** The `--query-compute-apps` fields the monitor asks for, in this order. */
export const nvidiaAppFields = ['gpu_uuid', 'pid', 'process_name', 'used_memory'] as const;

/** `nvidia-smi` arguments for one long-lived process printing the device query every `intervalMs`. */
export function nvidiaGpuArguments(intervalMs: number): string[] {
  return [
    `--query-gpu=${nvidiaGpuFields.join(',')}`,
    '--format=csv,noheader,nounits',
    `--loop-ms=${Math.max(100, Math.round(intervalMs))}`,
  ];
}

/** `nvidia-smi` arguments for one long-lived process printing the per-process list every `intervalMs`. */
export function nvidiaAppArguments(intervalMs: number): string[] {
  return [
    `--query-compute-apps=${nvidiaAppFields.join(',')}`,
    '--format=csv,noheader,nounits',
    `--loop-ms=${Math.max(100, Math.round(intervalMs))}`,
  ];
}

/** `[N/A]`, `[Not Supported]`, `N/A` and empty cells are null. */
function numberCell(cell: string | undefined): number | null {
  if (cell === undefined) return null;
  const value = Number.parseFloat(cell);
  return Number.isFinite(value) ? value : null;
}

/** Splits a CSV row from nvidia-smi (`, ` separated; names never contain commas in practice). */
function cells(line: string): string[] {
  return line.split(',').map((cell) => cell.trim());
}

/** Parses one `--query-gpu` row (nounits: MiB, W, MHz, %). Returns null for lines that are not a row. */
export function parseNvidiaGpuLine(line: string): GpuDevice | null {
  const row = cells(line);
  if (row.length < nvidiaGpuFields.length) return null;
  const [index, uuid, name, utilisation, used, total, temperature, power, limit, fan, sm, memory] =
    row;
  const deviceIndex = numberCell(index);
  if (deviceIndex === null) return null;
  const usedMib = numberCell(used);
  const totalMib = numberCell(total);
  return {
    index: deviceIndex,
    id: uuid ?? `nvidia-${deviceIndex}`,
    vendor: 'nvidia',
    name: name ?? 'NVIDIA GPU',
    utilisationPercent: numberCell(utilisation),
    memoryUsedBytes: usedMib === null ? null : usedMib * mebibyte,
    memoryTotalBytes: totalMib === null ? null : totalMib * mebibyte,
    temperatureCelsius: numberCell(temperature),
    powerWatts: numberCell(power),
    powerLimitWatts: numberCell(limit),
    fanPercent: numberCell(fan),
    smClockMhz: numberCell(sm),
    memoryClockMhz: numberCell(memory),
    unifiedMemory: false,
  };
}

export interface NvidiaAppRow {
  gpuUuid: string;
  pid: number;
  processName: string;
  usedMemoryBytes: number;
}

/** Parses one `--query-compute-apps` row. `No running processes found` and other text give null. */
export function parseNvidiaAppLine(line: string): NvidiaAppRow | null {
  const row = cells(line);
  if (row.length < nvidiaAppFields.length) return null;
  const [gpuUuid, pid, processName, used] = row;
  const pidNumber = numberCell(pid);
  if (!gpuUuid || pidNumber === null) return null;
  return {
    gpuUuid,
    pid: pidNumber,
    processName: processName ?? '',
    usedMemoryBytes: (numberCell(used) ?? 0) * mebibyte,
  };
}
