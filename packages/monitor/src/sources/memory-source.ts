import { freemem, totalmem } from 'node:os';
import { createSystemIo, type SystemIo } from '../io/system-io.js';
import { parseMeminfo } from '../parsers/parse-meminfo.js';
import { parsePressure } from '../parsers/parse-pressure.js';
import { parseSwapUsage, parseVmStat } from '../parsers/parse-vm-stat.js';
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
  /** macOS: how often `vm_stat` and `sysctl vm.swapusage` run (each is a spawn). @default 5000 */
  macosIntervalMs?: number;
}

/**
 * Memory: total, used, available (MemAvailable, not just free), swap used, swap-in/out rates
 * (/proc/vmstat pswpin/pswpout) and PSI pressure (/proc/pressure/memory). Linux reads /proc only;
 * macOS runs vm_stat and sysctl vm.swapusage at most every 5 s; elsewhere (Windows) node:os gives
 * total and available, and swap and pressure are unknown.
 */
export function createMemorySource(options: MemorySourceOptions = {}): Source<MemoryReading> {
  const io = options.io ?? createSystemIo();
  const procRoot = options.procRoot ?? '/proc';
  const pageSizeBytes = options.pageSizeBytes ?? 4096;
  const now = options.now ?? Date.now;
  let previousSwap: { counters: SwapCounters; atMs: number } | null = null;
  let pressureMissing = false;
  let macos: { reading: MemoryReading; atMs: number } | null = null;

  /**
   * macOS: os.freemem() counts only free pages, which macOS keeps small on purpose (it caches), so
   * "available" comes from vm_stat as free + inactive + speculative pages (psutil's definition).
   */
  const sampleMacos = async (): Promise<MemoryReading> => {
    if (macos && now() - macos.atMs < (options.macosIntervalMs ?? 5000)) return macos.reading;
    const [vmStatResult, swapResult] = await Promise.all([
      io.run('vm_stat', []),
      io.run('sysctl', ['-n', 'vm.swapusage']).catch(() => null),
    ]);
    const { pageSizeBytes: page, pages } = parseVmStat(vmStatResult.stdout);
    const totalBytes = totalmem();
    const availableBytes =
      ((pages.get('Pages free') ?? 0) +
        (pages.get('Pages inactive') ?? 0) +
        (pages.get('Pages speculative') ?? 0)) *
      page;
    const swap = swapResult ? parseSwapUsage(swapResult.stdout) : { totalBytes: 0, usedBytes: 0 };
    const atMs = now();
    const counters = { pagesIn: pages.get('Swapins') ?? 0, pagesOut: pages.get('Swapouts') ?? 0 };
    const rate = (current: number, previous: number | undefined) =>
      macos && previous !== undefined && atMs > macos.atMs
        ? (Math.max(0, current - previous) * page) / ((atMs - macos.atMs) / 1000)
        : null;
    const reading: MemoryReading = {
      totalBytes,
      usedBytes: totalBytes - availableBytes,
      availableBytes,
      swapTotalBytes: swap.totalBytes,
      swapUsedBytes: swap.usedBytes,
      swapInBytesPerSecond: rate(counters.pagesIn, previousSwap?.counters.pagesIn),
      swapOutBytesPerSecond: rate(counters.pagesOut, previousSwap?.counters.pagesOut),
      pressure: null,
    };
    previousSwap = { counters, atMs };
    macos = { reading, atMs };
    return reading;
  };

  return {
    name: 'memory',
    async sample() {
      if (io.platform === 'darwin') {
        try {
          return { available: true, ...(await sampleMacos()) };
        } catch (error) {
          return unavailable(`cannot run vm_stat: ${errorMessage(error)}`);
        }
      }
      if (io.platform !== 'linux') {
        // Windows: os.freemem() is the available physical memory (GlobalMemoryStatusEx).
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
