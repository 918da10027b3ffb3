import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { isLoopbackAddress } from './allowed-host.js';
import { catalogue as catalogueList, defaultModels, type ModelSpec } from './catalogue.js';
import { createApp } from './create-app.js';
import { keepAliveOption } from './duration.js';
import { type Fault, FaultRegistry } from './faults.js';
import { parseName } from './model-name.js';
import { ModelStore } from './model-store.js';
import { Registry } from './registry.js';
import { Scheduler } from './scheduler.js';
import type { RequestLogEntry, SimulatorState } from './simulator-state.js';

/** Options of {@link startSimulator}. Every delay is configurable so tests stay fast. */
export interface SimulatorOptions {
  /** Installed at start, by catalogue name. @default a chat model with tools+thinking, a vision model, an embedding model */
  models?: string[];
  /** Loaded at start (installed too if missing). @default [] */
  loaded?: string[];
  /** @default '127.0.0.1' */
  hostname?: string;
  /** @default 0 (a random free port) */
  port?: number;
  /** Delay between generated tokens; 0 = as fast as possible. @default 2 */
  tokenDelayMs?: number;
  /** Generation rate in tokens/s; when given it sets `tokenDelayMs` to 1000 / rate. */
  tokensPerSecond?: number;
  /**
   * Rates that follow the model instead of the fixed ones: bigger models are slower and a model
   * spilled to CPU slower still (for demos). @default false
   */
  realisticRates?: boolean;
  /** Prompt evaluation rate. @default 5000 */
  promptTokensPerSecond?: number;
  /** Extra time before the first token. @default 0 */
  firstTokenDelayMs?: number;
  /** Time to load a model. @default 20 */
  loadDelayMs?: number;
  /** Download (and upload) speed of pulls and pushes. @default 50 GiB/s */
  pullBytesPerSecond?: number;
  /** Length of an answer in tokens when neither num_predict nor stop cut it. @default { min: 20, max: 60 } */
  responseTokens?: { min: number; max: number };
  /** Keep-alive when a request gives none (Go duration or seconds; negative = forever). @default '5m' */
  defaultKeepAlive?: string | number;
  /** @default 3 */
  maxLoadedModels?: number;
  /** Requests one loaded model serves at once (Ollama's OLLAMA_NUM_PARALLEL, whose default is 1). @default Infinity */
  numParallel?: number;
  /** Requests that may wait for a model before a 503 (OLLAMA_MAX_QUEUE). @default 512 */
  maxQueue?: number;
  /** Simulated GPU memory; models beyond it spill to CPU (`size_vram < size`). @default 16 GiB */
  vramBytes?: number;
  /** Context length when neither the request nor the model sets num_ctx. @default 4096 */
  defaultNumCtx?: number;
  /** Reported by /api/version. @default '0.12.6' */
  version?: string;
  /** Directory shown in blob paths of `show` modelfiles. @default '/usr/share/ollama/.ollama/models' */
  modelsDir?: string;
  /** Extra CORS origins, as OLLAMA_ORIGINS (`https://example.com`, `http://*.lan:*`). @default [] */
  allowedOrigins?: string[];
  /** Called once per request when its response is done (the bin's --verbose). */
  onRequest?: (entry: RequestLogEntry) => void;
}

/** A running simulator. */
export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  hostname: string;
  /** Stops listening and drops every open connection (stalled streams too). */
  close(): Promise<void>;
  /** Adds a fault; returns a function that removes it. */
  addFault(fault: Fault): () => void;
  clearFaults(): void;
  /** Installed models, as /api/tags names them (`llama3.2:1b`). */
  installed(): string[];
  /** Loaded models, as /api/ps names them. */
  loaded(): string[];
  install(name: string): void;
  remove(name: string): void;
  /** Loads a model (installing it if needed) with the default keep-alive, or the one given. */
  load(name: string, keepAlive?: string | number): Promise<void>;
  unload(name: string): void;
  /** Generations (chat, generate) in progress. */
  activeGenerations(): number;
  registry: {
    /** Publishes a new remote version of `name` (its manifest digest changes). Returns the new digest (hex). */
    setDigest(name: string, digest?: string): string;
    /** The digest the registry reports for `name` (hex), or undefined. */
    digest(name: string): string | undefined;
  };
  /** The built-in catalogue of model specs. */
  catalogue(): readonly ModelSpec[];
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new TypeError(`startSimulator: ${name} must be a number >= 0, got ${String(value)}`);
  }
  return value;
}

/**
 * Starts an Ollama-compatible server on 127.0.0.1 and a random port.
 * @example
 * const sim = await startSimulator({ models: ['llama3.2:1b'] });
 * const response = await fetch(`${sim.url}/api/tags`);
 * await sim.close();
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const responseTokens = options.responseTokens ?? { min: 20, max: 60 };
  if (responseTokens.min < 0 || responseTokens.max < responseTokens.min) {
    throw new TypeError('startSimulator: responseTokens needs 0 <= min <= max');
  }
  const maxLoadedModels = nonNegative('maxLoadedModels', options.maxLoadedModels, 3);
  if (maxLoadedModels < 1)
    throw new TypeError('startSimulator: maxLoadedModels must be at least 1');
  const store = new ModelStore();
  const defaultKeepAliveMs = keepAliveOption(options.defaultKeepAlive);
  const state: SimulatorState = {
    settings: {
      tokenDelayMs:
        options.tokensPerSecond !== undefined
          ? 1000 /
            (nonNegative('tokensPerSecond', options.tokensPerSecond, 0) || Number.POSITIVE_INFINITY)
          : nonNegative('tokenDelayMs', options.tokenDelayMs, 2),
      promptTokensPerSecond:
        nonNegative('promptTokensPerSecond', options.promptTokensPerSecond, 5000) || 5000,
      realisticRates: options.realisticRates === true,
      firstTokenDelayMs: nonNegative('firstTokenDelayMs', options.firstTokenDelayMs, 0),
      pullBytesPerSecond:
        nonNegative('pullBytesPerSecond', options.pullBytesPerSecond, 50 * 2 ** 30) || 50 * 2 ** 30,
      responseTokens,
      version: options.version ?? '0.12.6',
      modelsDir: options.modelsDir ?? '/usr/share/ollama/.ollama/models',
      allowedOrigins: options.allowedOrigins ?? [],
      checkHost: isLoopbackAddress(options.hostname ?? '127.0.0.1'),
    },
    store,
    registry: new Registry(),
    scheduler: new Scheduler({
      loadDelayMs: nonNegative('loadDelayMs', options.loadDelayMs, 20),
      maxLoadedModels,
      vramBytes: nonNegative('vramBytes', options.vramBytes, 16 * 2 ** 30),
      defaultKeepAliveMs,
      defaultNumCtx: nonNegative('defaultNumCtx', options.defaultNumCtx, 4096) || 4096,
      numParallel: Math.max(
        1,
        nonNegative('numParallel', options.numParallel, Number.POSITIVE_INFINITY),
      ),
      maxQueue: nonNegative('maxQueue', options.maxQueue, 512),
    }),
    faults: new FaultRegistry(),
    active: new Set(),
    onRequest: options.onRequest,
  };
  for (const name of options.models ?? defaultModels) store.installFromCatalogue(name);

  const installedModel = (name: string) => {
    const model = store.get(parseName(name));
    if (!model)
      throw new TypeError(
        `"${name}" is not installed (installed: ${store
          .list()
          .map((entry) => entry.display)
          .join(', ')})`,
      );
    return model;
  };
  const load = async (name: string, keepAlive?: string | number): Promise<void> => {
    if (!store.get(parseName(name))) store.installFromCatalogue(name);
    const model = installedModel(name);
    const { runner } = await state.scheduler.acquire(model, {});
    state.scheduler.release(
      runner,
      keepAlive === undefined ? undefined : keepAliveOption(keepAlive),
    );
  };
  for (const name of options.loaded ?? []) await load(name);

  const app = createApp(state);
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname, overrideGlobalObjects: false },
      () => resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  server.keepAliveTimeout = 5000;
  const port = (server.address() as AddressInfo).port;
  const urlHost = hostname.includes(':')
    ? `[${hostname}]`
    : hostname === '0.0.0.0'
      ? '127.0.0.1'
      : hostname;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    hostname,
    close: () =>
      new Promise<void>((resolve) => {
        state.scheduler.close();
        for (const controller of state.active) controller.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    addFault: (fault) => state.faults.add(fault),
    clearFaults: () => state.faults.clear(),
    installed: () =>
      store
        .list()
        .sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime())
        .map((model) => model.display),
    loaded: () => state.scheduler.list().map((runner) => runner.model.display),
    install: (name) => {
      store.installFromCatalogue(name);
    },
    remove: (name) => {
      const model = installedModel(name);
      state.scheduler.unload(model);
      store.delete(model.name);
    },
    load,
    unload: (name) => {
      state.scheduler.unload(installedModel(name));
    },
    activeGenerations: () => state.active.size,
    registry: {
      setDigest: (name, digest) => state.registry.setDigest(name, digest),
      digest: (name) => state.registry.lookup(parseName(name))?.digest,
    },
    catalogue: () => catalogueList,
  };
}
