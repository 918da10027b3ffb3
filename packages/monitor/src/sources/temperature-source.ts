import { createSystemIo, type SystemIo } from '../io/system-io.js';
import type { TemperatureReading, TemperatureSensor } from '../types.js';
import { type Source, unavailable } from './source.js';

export interface TemperatureSourceOptions {
  io?: SystemIo;
  /** @default '/sys' */
  sysRoot?: string;
  /** Non-Linux reader. @default systeminformation.cpuTemperature() */
  cpuTemperature?: () => Promise<{ main: number | null; cores?: number[] }>;
  /** How often the non-Linux reader runs (it spawns tools on macOS/Windows). @default 10000 */
  slowReaderIntervalMs?: number;
  now?: () => number;
}

/** hwmon drivers and thermal zones that measure the CPU package or cores. */
const cpuSensorPattern =
  /coretemp|k10temp|zenpower|cpu_thermal|cpu-thermal|x86_pkg_temp|soc_thermal/i;

async function systeminformationCpuTemperature() {
  const { default: si } = await import('systeminformation');
  return si.cpuTemperature();
}

async function readLinuxSensors(io: SystemIo, sysRoot: string): Promise<TemperatureSensor[]> {
  const sensors: TemperatureSensor[] = [];
  const hwmonRoot = `${sysRoot}/class/hwmon`;
  for (const hwmon of (await io.readDir(hwmonRoot).catch(() => [] as string[])).sort()) {
    const directory = `${hwmonRoot}/${hwmon}`;
    const name = (await io.readFile(`${directory}/name`).catch(() => hwmon)).trim();
    const files = (await io.readDir(directory).catch(() => [] as string[])).sort();
    for (const file of files.filter((entry) => /^temp\d+_input$/.test(entry))) {
      const milli = Number((await io.readFile(`${directory}/${file}`).catch(() => '')).trim());
      if (!Number.isFinite(milli) || milli === 0) continue;
      const label = await io
        .readFile(`${directory}/${file.replace('_input', '_label')}`)
        .then((text) => text.trim())
        .catch(() => file.replace('_input', ''));
      sensors.push({ label: `${name}/${label}`, celsius: milli / 1000 });
    }
  }
  const thermalRoot = `${sysRoot}/class/thermal`;
  for (const zone of (await io.readDir(thermalRoot).catch(() => [] as string[])).sort()) {
    if (!zone.startsWith('thermal_zone')) continue;
    const type = (await io.readFile(`${thermalRoot}/${zone}/type`).catch(() => zone)).trim();
    const milli = Number((await io.readFile(`${thermalRoot}/${zone}/temp`).catch(() => '')).trim());
    if (Number.isFinite(milli) && milli !== 0) sensors.push({ label: type, celsius: milli / 1000 });
  }
  return sensors;
}

/**
 * CPU temperature sensors. Linux reads /sys/class/hwmon and /sys/class/thermal directly (no spawn);
 * elsewhere systeminformation.cpuTemperature() is asked at most every 10 s. `cpuCelsius` is null
 * where the OS exposes no sensor (VMs, containers). GPU temperatures come with the GPU reading.
 */
export function createTemperatureSource(
  options: TemperatureSourceOptions = {},
): Source<TemperatureReading> {
  const io = options.io ?? createSystemIo();
  const sysRoot = options.sysRoot ?? '/sys';
  const cpuTemperature = options.cpuTemperature ?? systeminformationCpuTemperature;
  const slowIntervalMs = options.slowReaderIntervalMs ?? 10_000;
  const now = options.now ?? Date.now;
  let cached: { reading: TemperatureReading; atMs: number } | null = null;

  return {
    name: 'temperatures',
    async sample() {
      if (io.platform === 'linux') {
        const sensors = await readLinuxSensors(io, sysRoot);
        const cpu = sensors.filter((sensor) => cpuSensorPattern.test(sensor.label));
        return {
          available: true,
          cpuCelsius: cpu.length > 0 ? Math.max(...cpu.map((sensor) => sensor.celsius)) : null,
          sensors,
        };
      }
      if (cached && now() - cached.atMs < slowIntervalMs)
        return { available: true, ...cached.reading };
      try {
        const result = await cpuTemperature();
        const reading: TemperatureReading = {
          cpuCelsius: typeof result.main === 'number' && result.main > 0 ? result.main : null,
          sensors: (result.cores ?? []).map((celsius, index) => ({
            label: `core ${index}`,
            celsius,
          })),
        };
        cached = { reading, atMs: now() };
        return { available: true, ...reading };
      } catch (error) {
        return unavailable(`cannot read temperatures: ${String(error)}`);
      }
    },
  };
}
