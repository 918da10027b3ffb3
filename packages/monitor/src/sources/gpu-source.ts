import { arch, freemem, totalmem } from 'node:os';
import { createSystemIo, describeCommandFailure, type SystemIo } from '../io/system-io.js';
import { parseRocmSmi, rocmSmiArguments } from '../parsers/parse-rocm-smi.js';
import type { GpuDevice, GpuReadingData, Reading } from '../types.js';
import { type NvidiaSmiStream, startNvidiaSmiStream } from './nvidia-smi-stream.js';
import { errorMessage, type Source, unavailable } from './source.js';

/** A display controller as `systeminformation.graphics()` lists it. */
export interface GraphicsController {
  vendor?: string;
  model?: string;
  vram?: number | null;
}

export interface GpuSourceOptions {
  io?: SystemIo;
  /** How often the long-lived nvidia-smi prints. @default 1000 */
  intervalMs?: number;
  /** The nvidia-smi command (with leading arguments, for a stand-in). @default ['nvidia-smi'] */
  nvidiaSmiCommand?: string[];
  /** @default 'rocm-smi' */
  rocmSmiCommand?: string;
  /**
   * rocm-smi has no loop mode and is a Python program (~0.1 s of CPU per run), so it runs at most this
   * often; samples in between repeat its last reading. @default 5000
   */
  rocmIntervalMs?: number;
  /** Fallback lister, called once at start. @default systeminformation.graphics() */
  graphics?: () => Promise<{ controllers: GraphicsController[] }>;
  /** Which backends to try, in order. @default ['nvidia', 'amd', 'apple', 'systeminformation'] */
  backends?: Array<'nvidia' | 'amd' | 'apple' | 'systeminformation'>;
  /** After nvidia-smi stopped (e.g. a driver reset), wait this long before starting it again. @default 30000 */
  restartAfterMs?: number;
  /** Longest wait for nvidia-smi's first row at start. @default 5000 */
  startTimeoutMs?: number;
  now?: () => number;
  /** CPU architecture, for telling Apple silicon from Intel Macs. @default os.arch() */
  cpuArchitecture?: string;
}

const gibibyte = 1024 ** 3;

async function systeminformationGraphics(): Promise<{ controllers: GraphicsController[] }> {
  const { default: si } = await import('systeminformation');
  return si.graphics();
}

function staticDevice(index: number, controller: GraphicsController): GpuDevice {
  const vendor = /nvidia/i.test(controller.vendor ?? '')
    ? 'nvidia'
    : /\bamd\b|\bati\b|advanced micro/i.test(controller.vendor ?? '')
      ? 'amd'
      : /apple/i.test(controller.vendor ?? '')
        ? 'apple'
        : 'other';
  return {
    index,
    id: `controller-${index}`,
    vendor,
    name: [controller.vendor, controller.model].filter(Boolean).join(' ') || 'GPU',
    utilisationPercent: null,
    memoryUsedBytes: null,
    memoryTotalBytes: controller.vram ? controller.vram * 1024 * 1024 : null,
    temperatureCelsius: null,
    powerWatts: null,
    powerLimitWatts: null,
    fanPercent: null,
    smClockMhz: null,
    memoryClockMhz: null,
    unifiedMemory: false,
  };
}

/**
 * GPUs: NVIDIA through two long-lived `nvidia-smi --loop-ms` processes (device rows and per-process
 * memory), AMD through `rocm-smi --json`, Apple silicon through the OS (unified memory), anything
 * else through `systeminformation.graphics()` once at start. The first backend that works is kept.
 * When none does, every reading is "not available" with the reason from each backend.
 */
export function createGpuSource(options: GpuSourceOptions = {}): Source<GpuReadingData> {
  const io = options.io ?? createSystemIo();
  const intervalMs = options.intervalMs ?? 1000;
  const nvidiaCommand = options.nvidiaSmiCommand ?? ['nvidia-smi'];
  const rocmCommand = options.rocmSmiCommand ?? 'rocm-smi';
  const graphics = options.graphics ?? systeminformationGraphics;
  const now = options.now ?? Date.now;
  const backends = options.backends ?? ['nvidia', 'amd', 'apple', 'systeminformation'];
  let reading: () => Promise<Reading<GpuReadingData>> = async () =>
    unavailable('GPU source not started');
  let stream: NvidiaSmiStream | null = null;

  const readRocm = async (): Promise<Reading<GpuReadingData>> => {
    try {
      const result = await io.run(rocmCommand, rocmSmiArguments);
      if (result.exitCode !== 0) {
        const detail = (result.stderr.trim() || result.stdout.trim()).split('\n')[0];
        return unavailable(`${rocmCommand} exited with code ${result.exitCode}: ${detail}`);
      }
      const parsed = parseRocmSmi(result.stdout);
      if (parsed.devices.length === 0) return unavailable(`${rocmCommand} lists no GPU`);
      return { available: true, backend: 'rocm-smi', ...parsed };
    } catch (error) {
      return unavailable(
        error instanceof SyntaxError
          ? `${rocmCommand} printed invalid JSON: ${error.message}`
          : describeCommandFailure(rocmCommand, error),
      );
    }
  };

  const tryNvidia = async (): Promise<string | null> => {
    const started = startNvidiaSmiStream({ io, command: nvidiaCommand, intervalMs, now });
    const timeout = new Promise<'timeout'>((resolve) => {
      setTimeout(() => resolve('timeout'), options.startTimeoutMs ?? 5000).unref();
    });
    const outcome = await Promise.race([started.ready, timeout]);
    if (outcome === false) {
      started.stop();
      return started.failure() ?? 'nvidia-smi stopped';
    }
    stream = started;
    let failedAtMs: number | null = null;
    reading = async () => {
      const current = stream;
      if (!current) return unavailable('nvidia-smi stopped');
      const failure = current.failure();
      if (failure) {
        // It ran before, so it is worth starting again, at most once per restartAfterMs.
        failedAtMs ??= now();
        if (now() - failedAtMs >= (options.restartAfterMs ?? 30_000)) {
          current.stop();
          failedAtMs = null;
          stream = startNvidiaSmiStream({ io, command: nvidiaCommand, intervalMs, now });
          return unavailable(`${failure} (restarting it)`);
        }
        return unavailable(failure);
      }
      const devices = current.devices();
      if (devices.length === 0) return unavailable('nvidia-smi has printed no reading yet');
      return {
        available: true,
        backend: 'nvidia-smi',
        devices,
        processes: current.processes(),
      };
    };
    return null;
  };

  const tryAmd = async (): Promise<string | null> => {
    const first = await readRocm();
    if (!first.available) return first.reason;
    let cached: { reading: Reading<GpuReadingData>; atMs: number } = {
      reading: first,
      atMs: now(),
    };
    reading = async () => {
      if (now() - cached.atMs >= (options.rocmIntervalMs ?? 5000)) {
        cached = { reading: await readRocm(), atMs: now() };
      }
      return cached.reading;
    };
    return null;
  };

  const tryApple = async (): Promise<string | null | undefined> => {
    if (io.platform !== 'darwin') return undefined; // not applicable: say nothing about it
    if ((options.cpuArchitecture ?? arch()) !== 'arm64')
      return 'an Intel Mac has no unified GPU memory';
    reading = async () => {
      const total = totalmem();
      return {
        available: true,
        backend: 'apple',
        devices: [
          {
            ...staticDevice(0, { vendor: 'Apple', model: 'GPU (unified memory)' }),
            vendor: 'apple',
            memoryTotalBytes: total,
            memoryUsedBytes: total - freemem(),
            unifiedMemory: true,
          },
        ],
        processes: [],
      };
    };
    return null;
  };

  const tryFallback = async (): Promise<string | null> => {
    try {
      const { controllers } = await graphics();
      // Virtual display adapters (VMs, BMCs) report a few MiB and are no use for models.
      const gpus = controllers.filter(
        (controller) => (controller.vram ?? 0) * 1024 ** 2 >= gibibyte,
      );
      if (gpus.length === 0) {
        return controllers.length === 0
          ? 'systeminformation.graphics() lists no display controller'
          : `systeminformation.graphics() lists no GPU with >= 1 GiB memory (${controllers
              .map((controller) => [controller.vendor, controller.model].filter(Boolean).join(' '))
              .join(', ')})`;
      }
      const devices = gpus.map((controller, index) => staticDevice(index, controller));
      reading = async () => ({
        available: true,
        backend: 'systeminformation',
        devices,
        processes: [],
      });
      return null;
    } catch (error) {
      return `systeminformation.graphics() failed: ${errorMessage(error)}`;
    }
  };

  const attempts = {
    nvidia: tryNvidia,
    amd: tryAmd,
    apple: tryApple,
    systeminformation: tryFallback,
  };

  return {
    name: 'gpus',
    async start() {
      const reasons: string[] = [];
      for (const backend of backends) {
        const reason = await attempts[backend]();
        if (reason === null) return;
        if (reason !== undefined) reasons.push(reason);
      }
      const reason = `no GPU found: ${reasons.join('; ')}`;
      reading = async () => unavailable(reason);
    },
    sample: () => reading(),
    async stop() {
      stream?.stop();
      stream = null;
    },
  };
}
