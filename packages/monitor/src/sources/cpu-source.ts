import { cpus, loadavg } from 'node:os';
import { createSystemIo, type SystemIo } from '../io/system-io.js';
import { parseCpuinfoMhz } from '../parsers/parse-cpuinfo.js';
import { parseLoadavg } from '../parsers/parse-loadavg.js';
import { busyPercent, type CpuTimes, parseProcStat } from '../parsers/parse-proc-stat.js';
import type { CpuReading } from '../types.js';
import { errorMessage, type Source, unavailable } from './source.js';

export interface CpuSourceOptions {
  io?: SystemIo;
  /** @default '/proc' */
  procRoot?: string;
  /** How often /proc/cpuinfo is read for the frequency (it is large on big machines). @default 5000 */
  frequencyIntervalMs?: number;
  now?: () => number;
}

interface CpuCounters {
  total: CpuTimes;
  perCore: CpuTimes[];
}

function countersFromOs(): CpuCounters {
  const perCore = cpus().map(({ times }) => {
    const total = times.user + times.nice + times.sys + times.idle + times.irq;
    return { busy: total - times.idle, total };
  });
  const total = perCore.reduce(
    (sum, core) => ({ busy: sum.busy + core.busy, total: sum.total + core.total }),
    { busy: 0, total: 0 },
  );
  return { total, perCore };
}

/**
 * CPU utilisation (total and per core, as the busy share since the previous sample), load average and
 * frequency. On Linux it reads /proc/stat, /proc/loadavg and /proc/cpuinfo (no process is spawned);
 * elsewhere it uses node:os.
 */
export function createCpuSource(options: CpuSourceOptions = {}): Source<CpuReading> {
  const io = options.io ?? createSystemIo();
  const procRoot = options.procRoot ?? '/proc';
  const linux = io.platform === 'linux';
  let previous: CpuCounters | null = null;
  const now = options.now ?? Date.now;
  const frequencyIntervalMs = options.frequencyIntervalMs ?? 5000;
  let frequency: { mhz: number | null; atMs: number } | null = null;
  const readFrequency = async (): Promise<number | null> => {
    if (frequency && now() - frequency.atMs < frequencyIntervalMs) return frequency.mhz;
    const mhz = await io
      .readFile(`${procRoot}/cpuinfo`)
      .then(parseCpuinfoMhz)
      .catch(() => null);
    frequency = { mhz, atMs: now() };
    return mhz;
  };

  const readCounters = async (): Promise<CpuCounters> =>
    linux ? parseProcStat(await io.readFile(`${procRoot}/stat`)) : countersFromOs();

  return {
    name: 'cpu',
    async start() {
      previous = await readCounters().catch(() => null);
    },
    async sample() {
      try {
        const current = await readCounters();
        const base = previous ?? { total: { busy: 0, total: 0 }, perCore: [] };
        previous = current;
        const [loadAverage, frequencyMhz] = linux
          ? await Promise.all([
              io.readFile(`${procRoot}/loadavg`).then(parseLoadavg),
              readFrequency(),
            ])
          : [loadavg() as [number, number, number], cpus()[0]?.speed || null];
        return {
          available: true,
          utilisationPercent: busyPercent(base.total, current.total),
          perCorePercent: current.perCore.map((core, index) =>
            busyPercent(base.perCore[index] ?? { busy: 0, total: 0 }, core),
          ),
          loadAverage,
          frequencyMhz,
          cores: current.perCore.length,
        };
      } catch (error) {
        return unavailable(`cannot read CPU counters: ${errorMessage(error)}`);
      }
    },
  };
}
