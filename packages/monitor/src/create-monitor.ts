import { MonitorOptionError } from './errors/monitor-option-error.js';
import {
  defaultWarningThresholds,
  evaluateWarnings,
  type WarningThresholds,
} from './evaluate-warnings.js';
import { createHistory, type History } from './history.js';
import { createSystemIo, type SystemIo } from './io/system-io.js';
import { attachVram, joinModels } from './join-models.js';
import {
  createPerformanceTracker,
  type PerformanceObservation,
  type PerformanceTracker,
} from './performance-tracker.js';
import { createCpuSource } from './sources/cpu-source.js';
import { createGpuSource } from './sources/gpu-source.js';
import { createMemorySource } from './sources/memory-source.js';
import { createOllamaModelSource, type MonitorHost } from './sources/ollama-model-source.js';
import { createOllamaProcessSource } from './sources/ollama-process-source.js';
import type { Source } from './sources/source.js';
import { createTemperatureSource } from './sources/temperature-source.js';
import type {
  CpuReading,
  GpuReadingData,
  MemoryReading,
  MonitorSnapshot,
  MonitorWarning,
  OllamaProcessesData,
  Reading,
  TemperatureReading,
} from './types.js';

/** The sources a monitor samples; `false` turns one off, a Source replaces the default. */
export interface MonitorSources {
  cpu?: Source<CpuReading> | false;
  memory?: Source<MemoryReading> | false;
  gpus?: Source<GpuReadingData> | false;
  temperatures?: Source<TemperatureReading> | false;
  processes?: Source<OllamaProcessesData> | false;
}

export interface MonitorOptions {
  /** Time between samples. @default 1000 */
  intervalMs?: number;
  /** Replace or turn off sources. @default all on, reading the real machine */
  sources?: MonitorSources;
  /** Ollama hosts whose `/api/ps` is sampled. @default [] */
  hosts?: MonitorHost[];
  /** The OS access the default sources use (replace to replay recorded outputs). */
  io?: SystemIo;
  /** Values kept per metric in `history`. @default 300 */
  historyCapacity?: number;
  thresholds?: Partial<WarningThresholds>;
  now?: () => number;
}

export interface MonitorEvents {
  sample: (snapshot: MonitorSnapshot) => void;
  /** A warning appeared (first sample that shows it). */
  'warning-start': (warning: MonitorWarning) => void;
  /** A warning is gone. */
  'warning-end': (warning: MonitorWarning) => void;
  /** `performance.observe()` recorded a generation (write it to the store's usage table). */
  observation: (observation: PerformanceObservation) => void;
}

export interface Monitor extends AsyncIterable<MonitorSnapshot> {
  /** Starts the sources (long-lived tools), takes the first sample and samples every `intervalMs`. */
  start(): Promise<MonitorSnapshot>;
  /** Stops sampling and ends the long-lived tools and every iterator. */
  stop(): Promise<void>;
  /** Takes one sample now (also works without `start`, after the sources were started by it). */
  sample(): Promise<MonitorSnapshot>;
  /** The latest snapshot, undefined before the first sample. */
  snapshot(): MonitorSnapshot | undefined;
  /** Bounded history per metric (`cpu.utilisation_percent`, `gpu.0.memory_used_bytes`, ...). */
  readonly history: History;
  /** Load durations and tokens/s per model, fed by the apps with responses' timings. */
  readonly performance: PerformanceTracker;
  on<TEvent extends keyof MonitorEvents>(
    event: TEvent,
    listener: MonitorEvents[TEvent],
  ): () => void;
}

const disabled = { available: false as const, reason: 'disabled' };

function warningKey(warning: MonitorWarning): string {
  return `${warning.code}\u0000${warning.subject}`;
}

/**
 * Creates a monitor of this machine and the given Ollama hosts.
 *
 * @example
 * const monitor = createMonitor({ intervalMs: 1000, hosts: [{ name: 'local', client }] });
 * monitor.on('warning-start', (warning) => console.log(warning.message));
 * for await (const snapshot of monitor) console.log(snapshot.cpu);
 */
export function createMonitor(options: MonitorOptions = {}): Monitor {
  const intervalMs = options.intervalMs ?? 1000;
  if (!Number.isFinite(intervalMs) || intervalMs < 100) {
    throw new MonitorOptionError('intervalMs', `must be a number >= 100, got ${intervalMs}`);
  }
  const now = options.now ?? Date.now;
  const io = options.io ?? createSystemIo();
  const given = options.sources ?? {};
  const pick = <T>(source: Source<T> | false | undefined, fallback: () => Source<T>) =>
    source === false ? null : (source ?? fallback());
  const sources = {
    cpu: pick(given.cpu, () => createCpuSource({ io })),
    memory: pick(given.memory, () => createMemorySource({ io, now })),
    gpus: pick(given.gpus, () => createGpuSource({ io, intervalMs, now })),
    temperatures: pick(given.temperatures, () => createTemperatureSource({ io, now })),
    processes: pick(given.processes, () => createOllamaProcessSource({ io, now })),
  };
  const models = createOllamaModelSource(options.hosts ?? []);
  const thresholds = { ...defaultWarningThresholds, ...options.thresholds };
  const history = createHistory({ capacity: options.historyCapacity });
  const performance = createPerformanceTracker({
    onObservation(observation) {
      if (observation.tokensPerSecond !== null) {
        history.record(
          `model.${observation.host}/${observation.model}.tokens_per_second`,
          observation.atMs,
          observation.tokensPerSecond,
        );
      }
      emit('observation', observation);
    },
  });
  const listeners = new Map<keyof MonitorEvents, Set<(value: never) => void>>();
  const emit = <TEvent extends keyof MonitorEvents>(
    event: TEvent,
    value: Parameters<MonitorEvents[TEvent]>[0],
  ) => {
    for (const listener of listeners.get(event) ?? [])
      (listener as (value: unknown) => void)(value);
  };
  const iteratorEnds = new Set<() => void>();
  let latest: MonitorSnapshot | undefined;
  let sequence = 0;
  let started: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let inFlight: Promise<MonitorSnapshot> | null = null;
  let active = new Map<string, MonitorWarning>();

  const read = async <T>(source: Source<T> | null): Promise<Reading<T>> => {
    if (!source) return disabled;
    try {
      return await source.sample();
    } catch (error) {
      return { available: false, reason: `${source.name} failed: ${String(error)}` };
    }
  };

  const recordHistory = (snapshot: MonitorSnapshot) => {
    const at = snapshot.takenAtMs;
    const { cpu, memory, gpus, temperatures } = snapshot;
    if (cpu.available) {
      history.record('cpu.utilisation_percent', at, cpu.utilisationPercent);
      history.record('cpu.load1', at, cpu.loadAverage[0]);
    }
    if (memory.available) {
      history.record('memory.used_bytes', at, memory.usedBytes);
      history.record('memory.available_bytes', at, memory.availableBytes);
      history.record('swap.used_bytes', at, memory.swapUsedBytes);
    }
    if (gpus.available) {
      for (const device of gpus.devices) {
        const prefix = `gpu.${device.index}`;
        if (device.utilisationPercent !== null)
          history.record(`${prefix}.utilisation_percent`, at, device.utilisationPercent);
        if (device.memoryUsedBytes !== null)
          history.record(`${prefix}.memory_used_bytes`, at, device.memoryUsedBytes);
        if (device.temperatureCelsius !== null)
          history.record(`${prefix}.temperature_celsius`, at, device.temperatureCelsius);
        if (device.powerWatts !== null)
          history.record(`${prefix}.power_watts`, at, device.powerWatts);
      }
    }
    if (temperatures.available && temperatures.cpuCelsius !== null) {
      history.record('temperature.cpu_celsius', at, temperatures.cpuCelsius);
    }
  };

  const takeSample = async (): Promise<MonitorSnapshot> => {
    const [cpu, memory, gpus, temperatures, processReading, hostPs] = await Promise.all([
      read(sources.cpu),
      read(sources.memory),
      read(sources.gpus),
      read(sources.temperatures),
      read(sources.processes),
      models.sample(),
    ]);
    const processes: Reading<OllamaProcessesData> = processReading.available
      ? { available: true, processes: attachVram(processReading.processes, gpus) }
      : processReading;
    sequence += 1;
    const base = {
      sequence,
      takenAtMs: now(),
      cpu,
      memory,
      gpus,
      temperatures,
      processes,
      hosts: joinModels(hostPs, processes, gpus),
    };
    const warnings = evaluateWarnings(base, latest ?? null, thresholds);
    const snapshot: MonitorSnapshot = { ...base, warnings };
    const previousActive = active;
    active = new Map(warnings.map((warning) => [warningKey(warning), warning]));
    latest = snapshot;
    recordHistory(snapshot);
    for (const [key, warning] of previousActive) if (!active.has(key)) emit('warning-end', warning);
    for (const [key, warning] of active)
      if (!previousActive.has(key)) emit('warning-start', warning);
    emit('sample', snapshot);
    return snapshot;
  };

  const startSources = () => {
    started ??= Promise.all(
      Object.values(sources).map((source) => source?.start?.() ?? Promise.resolve()),
    ).then(() => undefined);
    return started;
  };

  const sample = async (): Promise<MonitorSnapshot> => {
    await startSources();
    if (inFlight) return inFlight;
    inFlight = takeSample().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const monitor: Monitor = {
    history,
    performance,
    async start() {
      const first = await sample();
      if (!timer) {
        timer = setInterval(() => {
          // A listener that throws must not stop the sampling or crash the app from a timer.
          if (!inFlight) sample().catch(() => undefined);
        }, intervalMs);
      }
      return first;
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await inFlight?.catch(() => undefined);
      await Promise.all(Object.values(sources).map((source) => source?.stop?.()));
      started = null;
      for (const end of iteratorEnds) end();
      iteratorEnds.clear();
    },
    sample,
    snapshot: () => latest,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as (value: never) => void);
      return () => set.delete(listener as (value: never) => void);
    },
    [Symbol.asyncIterator]() {
      let pending: MonitorSnapshot | null = null;
      let waiting: ((result: IteratorResult<MonitorSnapshot>) => void) | null = null;
      let done = false;
      const finish = () => {
        done = true;
        unsubscribe();
        iteratorEnds.delete(finish);
        waiting?.({ done: true, value: undefined });
        waiting = null;
      };
      const unsubscribe = monitor.on('sample', (snapshot) => {
        if (waiting) {
          waiting({ done: false, value: snapshot });
          waiting = null;
        } else pending = snapshot; // a slow consumer sees the latest snapshot, not a backlog
      });
      iteratorEnds.add(finish);
      return {
        next() {
          if (pending) {
            const value = pending;
            pending = null;
            return Promise.resolve({ done: false, value });
          }
          if (done) return Promise.resolve({ done: true, value: undefined });
          return new Promise((resolve) => {
            waiting = resolve;
          });
        },
        return() {
          finish();
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
  return monitor;
}
