import type { MonitorSnapshot } from './types.js';

type Labels = Record<string, string | number>;

function escapeLabel(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => `${key}="${escapeLabel(String(value))}"`).join(',')}}`;
}

/** A percentage as a 0..1 ratio; unknown stays unknown. */
function ratio(percent: number | null): number | null {
  return percent === null ? null : percent / 100;
}

/**
 * The snapshot in Prometheus text exposition format 0.0.4 (for a `/metrics` route). Every metric is
 * a gauge prefixed `ollamamon_`; values that are unknown are left out rather than written as 0.
 */
export function toPrometheus(snapshot: MonitorSnapshot): string {
  const families = new Map<string, { help: string; samples: string[] }>();
  const add = (name: string, help: string, value: number | null, labels: Labels = {}) => {
    if (value === null || !Number.isFinite(value)) return;
    let family = families.get(name);
    if (!family) {
      family = { help, samples: [] };
      families.set(name, family);
    }
    family.samples.push(`ollamamon_${name}${formatLabels(labels)} ${value}`);
  };
  const { cpu, memory, gpus, temperatures, processes } = snapshot;
  if (cpu.available) {
    add(
      'cpu_utilisation_ratio',
      'Busy share of all CPU cores (0..1).',
      cpu.utilisationPercent / 100,
    );
    cpu.perCorePercent.forEach((percent, core) => {
      add('cpu_core_utilisation_ratio', 'Busy share per CPU core (0..1).', percent / 100, { core });
    });
    add('cpu_load1', 'One-minute load average.', cpu.loadAverage[0]);
    add(
      'cpu_frequency_hertz',
      'Mean CPU core frequency.',
      cpu.frequencyMhz === null ? null : cpu.frequencyMhz * 1e6,
    );
  }
  if (memory.available) {
    add('memory_total_bytes', 'Total RAM.', memory.totalBytes);
    add('memory_used_bytes', 'RAM in use (total - available).', memory.usedBytes);
    add('memory_available_bytes', 'RAM available without swapping.', memory.availableBytes);
    add('swap_used_bytes', 'Swap in use.', memory.swapUsedBytes);
    add('swap_out_bytes_per_second', 'Swap-out rate.', memory.swapOutBytesPerSecond);
    add(
      'memory_pressure_some_ratio',
      'PSI memory some avg10 (0..1).',
      memory.pressure ? memory.pressure.someAvg10 / 100 : null,
    );
  }
  if (gpus.available) {
    for (const device of gpus.devices) {
      const labels = { gpu: device.index, name: device.name };
      add(
        'gpu_utilisation_ratio',
        'GPU utilisation (0..1).',
        ratio(device.utilisationPercent),
        labels,
      );
      add('gpu_memory_used_bytes', 'GPU memory in use.', device.memoryUsedBytes, labels);
      add('gpu_memory_total_bytes', 'GPU memory.', device.memoryTotalBytes, labels);
      add('gpu_temperature_celsius', 'GPU temperature.', device.temperatureCelsius, labels);
      add('gpu_power_watts', 'GPU power draw.', device.powerWatts, labels);
    }
  }
  add('gpu_available', '1 when a GPU backend reports devices.', gpus.available ? 1 : 0);
  if (temperatures.available)
    add('cpu_temperature_celsius', 'Hottest CPU sensor.', temperatures.cpuCelsius);
  if (processes.available) {
    for (const process of processes.processes) {
      const labels = { pid: process.pid, role: process.role };
      add(
        'process_cpu_ratio',
        'Ollama process CPU use (1 = one core).',
        ratio(process.cpuPercent),
        labels,
      );
      add('process_resident_bytes', 'Ollama process resident memory.', process.rssBytes, labels);
      add('process_vram_bytes', 'Ollama process GPU memory.', process.vramBytes, labels);
    }
  }
  for (const host of snapshot.hosts) {
    add('host_up', '1 when the host answered /api/ps.', host.up ? 1 : 0, { host: host.name });
    for (const model of host.models) {
      const labels = { host: host.name, model: model.name };
      add('model_size_bytes', 'Loaded model size (/api/ps size).', model.size, labels);
      add(
        'model_vram_bytes',
        'Loaded model size in VRAM (/api/ps size_vram).',
        model.size_vram,
        labels,
      );
      add(
        'model_cpu_ratio',
        'Share of the loaded model in system RAM (0..1).',
        model.cpuShare,
        labels,
      );
    }
  }
  for (const level of ['info', 'warning', 'critical'] as const) {
    add(
      'warnings',
      'Active warnings by level.',
      snapshot.warnings.filter((warning) => warning.level === level).length,
      { level },
    );
  }
  const lines: string[] = [];
  for (const [name, family] of families) {
    lines.push(
      `# HELP ollamamon_${name} ${family.help}`,
      `# TYPE ollamamon_${name} gauge`,
      ...family.samples,
    );
  }
  return `${lines.join('\n')}\n`;
}
