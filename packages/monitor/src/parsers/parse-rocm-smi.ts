import type { GpuDevice, GpuProcess } from '../types.js';

/** `rocm-smi` arguments for one JSON reading of every card. */
export const rocmSmiArguments = [
  '--showproductname',
  '--showuse',
  '--showmeminfo',
  'vram',
  '--showtemp',
  '--showpower',
  '--showpids',
  '--json',
];

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const parsed = Number.parseFloat(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function firstMatching(card: Record<string, unknown>, pattern: RegExp): number | null {
  for (const [key, value] of Object.entries(card)) {
    if (pattern.test(key)) {
      const parsed = numberOf(value);
      if (parsed !== null) return parsed;
    }
  }
  return null;
}

/**
 * Parses `rocm-smi ... --json`: `{"card0": {"GPU use (%)": "12", "VRAM Total Memory (B)": "...", ...},
 * "system": {"PID4121": "ollama_llama_server, 1, 6012133376, 0, unknown"}}`. Key names vary across
 * ROCm releases (power is "Average Graphics Package Power (W)" or "Current Socket Graphics Package Power (W)"),
 * so fields are found by pattern.
 */
export function parseRocmSmi(text: string): { devices: GpuDevice[]; processes: GpuProcess[] } {
  const json = JSON.parse(text) as Record<string, unknown>;
  const devices: GpuDevice[] = [];
  const processes: GpuProcess[] = [];
  for (const [key, value] of Object.entries(json)) {
    const match = /^card(\d+)$/.exec(key);
    if (!match || typeof value !== 'object' || value === null) continue;
    const card = value as Record<string, unknown>;
    const name = card['Card series'] ?? card['Card SKU'] ?? card['Card model'];
    devices.push({
      index: Number(match[1]),
      id: key,
      vendor: 'amd',
      name: typeof name === 'string' ? name : `AMD ${key}`,
      utilisationPercent: firstMatching(card, /^GPU use \(%\)$/),
      memoryUsedBytes: firstMatching(card, /^VRAM Total Used Memory \(B\)$/),
      memoryTotalBytes: firstMatching(card, /^VRAM Total Memory \(B\)$/),
      temperatureCelsius:
        firstMatching(card, /^Temperature \(Sensor edge\)/) ??
        firstMatching(card, /^Temperature \(Sensor junction\)/),
      powerWatts: firstMatching(card, /Graphics Package Power \(W\)$/),
      powerLimitWatts: firstMatching(card, /^Max Graphics Package Power \(W\)$/),
      fanPercent: firstMatching(card, /^Fan speed \(%\)$/),
      smClockMhz: null,
      memoryClockMhz: null,
      unifiedMemory: false,
    });
  }
  devices.sort((left, right) => left.index - right.index);
  const system = json.system;
  if (typeof system === 'object' && system !== null) {
    for (const [key, value] of Object.entries(system as Record<string, unknown>)) {
      const pid = /^PID(\d+)$/.exec(key);
      if (!pid || typeof value !== 'string') continue;
      // "name, number of GPUs, VRAM bytes, SDMA bytes, CU occupancy": rocm-smi does not say which GPU,
      // so a single-GPU process is put on the first card.
      const [processName = '', gpuCount = '1', vram = '0'] = value
        .split(',')
        .map((cell) => cell.trim());
      if (Number(gpuCount) < 1) continue;
      processes.push({
        pid: Number(pid[1]),
        gpuIndex: devices[0]?.index ?? 0,
        processName,
        usedMemoryBytes: Number(vram) || 0,
      });
    }
  }
  return { devices, processes };
}
