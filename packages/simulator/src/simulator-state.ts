import type { FaultRegistry } from './faults.js';
import type { ModelStore } from './model-store.js';
import type { Registry } from './registry.js';
import type { Scheduler } from './scheduler.js';

/** Timing and identity settings resolved from the options. */
export interface SimulatorSettings {
  tokenDelayMs: number;
  promptTokensPerSecond: number;
  /** Rates that follow the model's size and CPU spill instead of the two above. */
  realisticRates: boolean;
  firstTokenDelayMs: number;
  pullBytesPerSecond: number;
  responseTokens: { min: number; max: number };
  version: string;
  modelsDir: string;
  /** Extra CORS origins (OLLAMA_ORIGINS), wildcards allowed. */
  allowedOrigins: readonly string[];
  /** Apply the Host-header check (the server listens on loopback). */
  checkHost: boolean;
}

/** A request the simulator saw (for `onRequest`, used by the bin's --verbose). */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

/** Everything the routes share. */
export interface SimulatorState {
  settings: SimulatorSettings;
  store: ModelStore;
  registry: Registry;
  scheduler: Scheduler;
  faults: FaultRegistry;
  /** Generations in progress (chat/generate/embed), for tests of cancellation. */
  active: Set<AbortController>;
  onRequest?: (entry: RequestLogEntry) => void;
}
