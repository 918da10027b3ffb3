import { formatBytes } from './format-bytes.js';
import type { MonitorSnapshot, MonitorWarning } from './types.js';

/** When a warning is raised. Every field has a default. */
export interface WarningThresholds {
  /** Warn when available RAM falls below this share of the total. @default 0.1 */
  availableMemoryRatio: number;
  /** Critical below this share. @default 0.05 */
  availableMemoryCriticalRatio: number;
  /** Warn when PSI `some avg10` reaches this percentage. @default 10 */
  pressureSomeAvg10: number;
  /** Warn when swap-out reaches this rate while swap use grows. @default 1048576 (1 MiB/s) */
  swapOutBytesPerSecond: number;
  /** Warn when a GPU's memory is this full. @default 0.95 */
  vramUsedRatio: number;
  /** Warn when a model has at least this share in system RAM. @default 0.01 */
  modelCpuShare: number;
  /** @default 85 */
  gpuTemperatureCelsius: number;
  /** @default 95 */
  gpuTemperatureCriticalCelsius: number;
}

export const defaultWarningThresholds: WarningThresholds = {
  availableMemoryRatio: 0.1,
  availableMemoryCriticalRatio: 0.05,
  pressureSomeAvg10: 10,
  swapOutBytesPerSecond: 1024 * 1024,
  vramUsedRatio: 0.95,
  modelCpuShare: 0.01,
  gpuTemperatureCelsius: 85,
  gpuTemperatureCriticalCelsius: 95,
};

type SnapshotWithoutWarnings = Omit<MonitorSnapshot, 'warnings'>;

/**
 * The warnings a snapshot calls for: memory pressure, swap growing (needs the previous snapshot),
 * VRAM nearly full, a loaded model spilling to CPU, GPU temperature high, a host down.
 */
export function evaluateWarnings(
  snapshot: SnapshotWithoutWarnings,
  previous: SnapshotWithoutWarnings | null,
  thresholds: WarningThresholds = defaultWarningThresholds,
): MonitorWarning[] {
  const warnings: MonitorWarning[] = [];
  const memory = snapshot.memory;
  if (memory.available && memory.totalBytes > 0) {
    const ratio = memory.availableBytes / memory.totalBytes;
    const psi = memory.pressure;
    if (ratio < thresholds.availableMemoryRatio) {
      warnings.push({
        level: ratio < thresholds.availableMemoryCriticalRatio ? 'critical' : 'warning',
        code: 'memory-pressure',
        subject: 'memory',
        message: `only ${formatBytes(memory.availableBytes)} of ${formatBytes(memory.totalBytes)} RAM available (${Math.round(ratio * 100)}%); loading another model may run out of memory`,
      });
    } else if (psi && psi.someAvg10 >= thresholds.pressureSomeAvg10) {
      warnings.push({
        level: 'warning',
        code: 'memory-pressure',
        subject: 'memory',
        message: `tasks stalled on memory ${psi.someAvg10.toFixed(1)}% of the last 10 s (PSI)`,
      });
    }
    const previousMemory = previous?.memory;
    if (
      previousMemory?.available &&
      memory.swapOutBytesPerSecond !== null &&
      memory.swapOutBytesPerSecond >= thresholds.swapOutBytesPerSecond &&
      memory.swapUsedBytes > previousMemory.swapUsedBytes
    ) {
      warnings.push({
        level: 'warning',
        code: 'swap-growing',
        subject: 'swap',
        message: `swap is growing: ${formatBytes(memory.swapOutBytesPerSecond)}/s written out, ${formatBytes(memory.swapUsedBytes)} used`,
      });
    }
  }
  const gpus = snapshot.gpus;
  if (gpus.available) {
    for (const device of gpus.devices) {
      const { memoryUsedBytes: used, memoryTotalBytes: total } = device;
      if (
        !device.unifiedMemory &&
        used !== null &&
        total &&
        used / total >= thresholds.vramUsedRatio
      ) {
        warnings.push({
          level: 'warning',
          code: 'vram-nearly-full',
          subject: `gpu:${device.index}`,
          message: `GPU ${device.index} (${device.name}) memory is ${Math.round((used / total) * 100)}% full (${formatBytes(used)} of ${formatBytes(total)})`,
        });
      }
      const temperature = device.temperatureCelsius;
      if (temperature !== null && temperature >= thresholds.gpuTemperatureCelsius) {
        warnings.push({
          level: temperature >= thresholds.gpuTemperatureCriticalCelsius ? 'critical' : 'warning',
          code: 'gpu-temperature-high',
          subject: `gpu:${device.index}`,
          message: `GPU ${device.index} (${device.name}) is at ${temperature} °C`,
        });
      }
    }
  }
  const localGpus = gpus.available && gpus.devices.length > 0;
  for (const host of snapshot.hosts) {
    if (!host.up) {
      warnings.push({
        level: 'critical',
        code: 'host-down',
        subject: `host:${host.name}`,
        message: `host ${host.name} is down: ${host.error ?? 'no answer'}`,
      });
      continue;
    }
    for (const model of host.models) {
      // size_vram = 0 means all on CPU: a spill only when the host has a GPU to spill from, which we
      // know for a partial split, or for a local host when this machine has a GPU.
      const hasGpu = model.size_vram > 0 || (host.local && localGpus);
      if (!hasGpu || model.cpuShare < thresholds.modelCpuShare) continue;
      warnings.push({
        level: 'warning',
        code: 'model-spilling-to-cpu',
        subject: `model:${host.name}/${model.name}`,
        message: `${model.name} is ${Math.round(model.cpuShare * 100)}% on CPU; expect slow generation`,
      });
    }
  }
  return warnings;
}
