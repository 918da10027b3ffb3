import { freemem, totalmem } from 'node:os';
import { createSystemIo, type SystemIo } from '../io/system-io.js';
import { parseMeminfo } from '../parsers/parse-meminfo.js';
import { parsePressure } from '../parsers/parse-pressure.js';
import { parseVmstat, type SwapCounters } from '../parsers/parse-vmstat.js';
import type { MemoryReading } from '../types.js';
import { errorMessage, type Source, unavailable } from './source.js';

export interface MemorySourceOptions {
  io?: SystemIo;
  /** @default '/proc' */
  procRoot?: string;
  /** Bytes per page for the swap counters in /proc/vmstat. @default 4096 */
  pageSizeBytes?: number;
  /** Clock for the swap rates. @default Date.now */
  now?: () => number;
}

/**
 * Memory: total, used, available (MemAvailable, not just free), swap used, swap-in/out rates
 * (/proc/vmstat pswpin/pswpout) and PSI pressure (/proc/pressure/memory). Linux reads /proc only;
 * elsewhere node:os gives total and free, and swap and pressure are unknown.
 */
export function createMemorySource(options: MemorySourceOptions = {}): Source<MemoryReading> {
  const io = options.io ?? createSystemIo();
  const procRoot = options.procRoot ?? '/proc';
  const pageSizeBytes = options.pageSizeBytes ?? 4096;
  const now = options.now ?? Date.now;
  let previousSwap: { counters: SwapCounters; atMs: number } | null = null;
  let pressureMissing = false;

  return {
    name: 'memory',
    async sample() {
      if (io.platform !== 'linux') {
        const totalBytes = totalmem();
        const availableBytes = freemem();
        return {
          available: true,
          totalBytes,
          usedBytes: totalBytes - availableBytes,
          availableBytes,
          swapTotalBytes: 0,
          swapUsedBytes: 0,
          swapInBytesPerSecond: null,
          swapOutBytesPerSecond: null,
          pressure: null,
        };
      }
      try {
        const [meminfoText, vmstatText, pressureText] = await Promise.all([
          io.readFile(`${procRoot}/meminfo`),
          io.readFile(`${procRoot}/vmstat`).catch(() => null),
          // PSI needs CONFIG_PSI; once missing, stop asking.
          pressureMissing
            ? null
            : io.readFile(`${procRoot}/pressure/memory`).catch(() => {
                pressureMissing = true;
                return null;
              }),
        ]);
        const meminfo = parseMeminfo(meminfoText);
        const totalBytes = meminfo.get('MemTotal') ?? 0;
        const availableBytes =
          meminfo.get('MemAvailable') ??
          (meminfo.get('MemFree') ?? 0) + (meminfo.get('Cached') ?? 0);
        const swapTotalBytes = meminfo.get('SwapTotal') ?? 0;
        let swapInBytesPerSecond: number | null = null;
        let swapOutBytesPerSecond: number | null = null;
        if (vmstatText !== null) {
          const counters = parseVmstat(vmstatText);
          const atMs = now();
          if (previousSwap && atMs > previousSwap.atMs) {
            const seconds = (atMs - previousSwap.atMs) / 1000;
            swapInBytesPerSecond =
              (Math.max(0, counters.pagesIn - previousSwap.counters.pagesIn) * pageSizeBytes) /
              seconds;
            swapOutBytesPerSecond =
              (Math.max(0, counters.pagesOut - previousSwap.counters.pagesOut) * pageSizeBytes) /
              seconds;
          }
          previousSwap = { counters, atMs };
        }
        return {
          available: true,
          totalBytes,
          usedBytes: totalBytes - availableBytes,
          availableBytes,
          swapTotalBytes,
          swapUsedBytes: swapTotalBytes - (meminfo.get('SwapFree') ?? swapTotalBytes),
          swapInBytesPerSecond,
          swapOutBytesPerSecond,
          pressure: pressureText === null ? null : parsePressure(pressureText),
        };
      } catch (error) {
        return unavailable(`cannot read ${procRoot}/meminfo: ${errorMessage(error)}`);
      }
    },
  };
}
