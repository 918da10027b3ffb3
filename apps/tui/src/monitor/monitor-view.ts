/**
 * The monitor screen's view model: a snapshot and its history turned into labelled lines. Pure, so the
 * screen only lays out and the tests need no terminal.
 */
import type { LoadedModel, MonitorSnapshot, MonitorWarning, Reading } from '@ollamamon/monitor';
import { formatBytes } from '../format/bytes.js';
import { sparkline } from './sparkline.js';

export type MetricLine = {
  label: string;
  value: string;
  spark: string;
  level: 'ok' | 'warning' | 'critical';
};
export type ModelLine = {
  host: string;
  name: string;
  size: string;
  split: string;
  device: string;
  context: string;
  expires: string;
  cpuShare: number;
};
export type MonitorView = {
  metrics: MetricLine[];
  /** Why there are no GPU lines (on a machine without a GPU tool), or undefined when there are. */
  gpuUnavailable?: string;
  models: ModelLine[];
  hostsDown: { name: string; error: string }[];
  warnings: MonitorWarning[];
  takenAtMs: number;
};

export type HistoryLike = { series(metric: string): { values: number[] } };

const percent = (value: number) => `${value.toFixed(0)}%`;
const levelFor = (share: number): MetricLine['level'] =>
  share >= 0.95 ? 'critical' : share >= 0.85 ? 'warning' : 'ok';

const unavailableReason = (reading: Reading<object>): string | undefined =>
  reading.available ? undefined : reading.reason;

/** "100% GPU", "38% CPU / 62% GPU", "100% CPU". */
export const splitText = (model: Pick<LoadedModel, 'size' | 'size_vram'>): string => {
  if (model.size <= 0) return '-';
  const gpu = Math.round((Math.min(model.size_vram, model.size) / model.size) * 100);
  if (gpu >= 100) return '100% GPU';
  if (gpu <= 0) return '100% CPU';
  return `${100 - gpu}% CPU / ${gpu}% GPU`;
};

const expiresText = (expiresAt: string | null, now: number): string => {
  if (!expiresAt) return '-';
  const at = Date.parse(expiresAt);
  if (!Number.isFinite(at)) return '-';
  // Ollama reports a far-future time for keep_alive -1.
  if (at - now > 365 * 86_400_000) return 'forever';
  const seconds = Math.max(0, Math.round((at - now) / 1000));
  return seconds >= 60 ? `in ${Math.round(seconds / 60)}m` : `in ${seconds}s`;
};

export const monitorView = (
  snapshot: MonitorSnapshot,
  history: HistoryLike,
  options: { sparkWidth: number; now?: number },
): MonitorView => {
  const width = options.sparkWidth;
  const now = options.now ?? snapshot.takenAtMs;
  const metrics: MetricLine[] = [];
  const { cpu, memory, gpus, temperatures } = snapshot;
  if (cpu.available) {
    metrics.push({
      label: 'CPU',
      value: `${percent(cpu.utilisationPercent)} of ${cpu.cores} cores · load ${cpu.loadAverage.map((load) => load.toFixed(2)).join(' ')}`,
      spark: sparkline(history.series('cpu.utilisation_percent').values, width, {
        min: 0,
        max: 100,
      }),
      level: levelFor(cpu.utilisationPercent / 100),
    });
  } else
    metrics.push({ label: 'CPU', value: `not available: ${cpu.reason}`, spark: '', level: 'ok' });
  if (memory.available) {
    const share = memory.totalBytes > 0 ? memory.usedBytes / memory.totalBytes : 0;
    metrics.push({
      label: 'Memory',
      value: `${formatBytes(memory.usedBytes)} used of ${formatBytes(memory.totalBytes)} · ${formatBytes(memory.availableBytes)} available${memory.pressure ? ` · pressure ${memory.pressure.someAvg10.toFixed(1)}%` : ''}`,
      spark: sparkline(history.series('memory.used_bytes').values, width, {
        min: 0,
        max: memory.totalBytes,
      }),
      level: levelFor(share),
    });
    metrics.push({
      label: 'Swap',
      value:
        memory.swapTotalBytes > 0
          ? `${formatBytes(memory.swapUsedBytes)} of ${formatBytes(memory.swapTotalBytes)}${memory.swapOutBytesPerSecond ? ` · out ${formatBytes(memory.swapOutBytesPerSecond)}/s` : ''}`
          : 'none',
      spark:
        memory.swapTotalBytes > 0
          ? sparkline(history.series('swap.used_bytes').values, width, {
              min: 0,
              max: memory.swapTotalBytes,
            })
          : '',
      level:
        memory.swapTotalBytes > 0 ? levelFor(memory.swapUsedBytes / memory.swapTotalBytes) : 'ok',
    });
  } else
    metrics.push({
      label: 'Memory',
      value: `not available: ${memory.reason}`,
      spark: '',
      level: 'ok',
    });

  let gpuUnavailable: string | undefined;
  if (gpus.available && gpus.devices.length > 0) {
    for (const device of gpus.devices) {
      const used = device.memoryUsedBytes;
      const total = device.memoryTotalBytes;
      const parts = [
        device.utilisationPercent === null
          ? undefined
          : `${percent(device.utilisationPercent)} busy`,
        used !== null && total !== null
          ? `${formatBytes(used)} of ${formatBytes(total)}`
          : undefined,
        device.temperatureCelsius === null
          ? undefined
          : `${device.temperatureCelsius.toFixed(0)}°C`,
        device.powerWatts === null ? undefined : `${device.powerWatts.toFixed(0)} W`,
      ].filter(Boolean);
      metrics.push({
        label: `GPU ${device.index}`,
        value: `${device.name} · ${parts.join(' · ')}`,
        spark: sparkline(history.series(`gpu.${device.index}.utilisation_percent`).values, width, {
          min: 0,
          max: 100,
        }),
        level: used !== null && total ? levelFor(used / total) : 'ok',
      });
    }
  } else {
    gpuUnavailable = unavailableReason(gpus) ?? 'no GPU found';
  }
  if (temperatures.available) {
    const sensors = temperatures.sensors
      .slice(0, 4)
      .map((sensor) => `${sensor.label} ${sensor.celsius.toFixed(0)}°C`);
    metrics.push({
      label: 'Temp',
      value:
        temperatures.cpuCelsius === null && sensors.length === 0
          ? 'no sensors exposed'
          : [
              temperatures.cpuCelsius === null
                ? undefined
                : `CPU ${temperatures.cpuCelsius.toFixed(0)}°C`,
              ...sensors,
            ]
              .filter(Boolean)
              .join(' · '),
      spark: sparkline(history.series('temperature.cpu_celsius').values, width, {
        min: 20,
        max: 100,
      }),
      level:
        (temperatures.cpuCelsius ?? 0) >= 90
          ? 'critical'
          : (temperatures.cpuCelsius ?? 0) >= 80
            ? 'warning'
            : 'ok',
    });
  } else
    metrics.push({
      label: 'Temp',
      value: `not available: ${temperatures.reason}`,
      spark: '',
      level: 'ok',
    });

  const models: ModelLine[] = snapshot.hosts.flatMap((host) =>
    host.models.map((model) => ({
      host: host.name,
      name: model.name,
      size: formatBytes(model.size),
      split: splitText(model),
      device:
        model.devices.length > 0
          ? model.devices
              .map((device) => `GPU ${device.gpuIndex} ${formatBytes(device.usedMemoryBytes)}`)
              .join(', ')
          : model.size_vram > 0
            ? 'GPU'
            : 'CPU',
      context: model.context_length === null ? '-' : model.context_length.toLocaleString('en-US'),
      expires: expiresText(model.expires_at, now),
      cpuShare: model.cpuShare,
    })),
  );
  return {
    metrics,
    gpuUnavailable,
    models,
    hostsDown: snapshot.hosts
      .filter((host) => !host.up)
      .map((host) => ({ name: host.name, error: host.error ?? 'down' })),
    warnings: snapshot.warnings,
    takenAtMs: snapshot.takenAtMs,
  };
};
