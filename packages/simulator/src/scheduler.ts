import { OllamaHttpError } from './http-error.js';
import { nameKey } from './model-name.js';
import type { InstalledModel } from './model-store.js';
import { sleep } from './sleep.js';

/** Go's "forever": MaxInt64 nanoseconds, in milliseconds. */
const foreverMs = 9_223_372_036_854;
/** setTimeout's upper bound; longer keep-alives never expire while the simulator runs. */
const maxTimerMs = 2_147_483_647;

/** A loaded model (Ollama's runner). */
export interface Runner {
  model: InstalledModel;
  /** Memory the runner uses: weights + KV cache + compute graph, bytes. */
  sizeBytes: number;
  /** The part of `sizeBytes` in (simulated) GPU memory. */
  sizeVram: number;
  contextLength: number;
  expiresAt: Date;
  loaded: boolean;
  refCount: number;
  loading: Promise<void>;
  timer?: ReturnType<typeof setTimeout>;
}

export interface SchedulerOptions {
  loadDelayMs: number;
  maxLoadedModels: number;
  vramBytes: number;
  defaultKeepAliveMs: number;
  defaultNumCtx: number;
  /** Requests one runner serves at once (OLLAMA_NUM_PARALLEL). */
  numParallel: number;
  /** Requests that may wait for a runner before 503 (OLLAMA_MAX_QUEUE). */
  maxQueue: number;
}

/** Memory of a runner: weights + f16 KV cache for `numCtx` + a compute graph allowance. */
export function estimateRunnerBytes(model: InstalledModel, numCtx: number): number {
  const spec = model.content.spec;
  const headDimension = spec.embeddingLength / spec.headCount;
  const kvHeads = spec.headCountKv ?? spec.headCount;
  const kvCache = 2 * spec.blockCount * kvHeads * headDimension * numCtx * 2;
  const graph = Math.round(spec.embeddingLength * numCtx * 4 * 0.25);
  return model.manifest.sizeBytes + kvCache + graph;
}

/** Loads, keeps alive, evicts and unloads models, as server/sched.go does (ollama-api.md §6). */
export class Scheduler {
  readonly #runners = new Map<string, Runner>();
  readonly #options: SchedulerOptions;
  #idleWaiters: Array<() => void> = [];
  #pending = 0;

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  /** Runners that finished loading, sorted by expires_at descending (as /api/ps). */
  list(): Runner[] {
    return [...this.#runners.values()]
      .filter((runner) => runner.loaded)
      .sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime());
  }

  find(model: InstalledModel): Runner | undefined {
    return this.#runners.get(nameKey(model.name));
  }

  /** The context length a request gets: `num_ctx` option, model parameter, or the default. */
  contextLengthFor(model: InstalledModel, numCtx: unknown): number {
    const fromModel = model.content.parameters.num_ctx;
    const requested =
      typeof numCtx === 'number' && numCtx > 0
        ? Math.trunc(numCtx)
        : typeof fromModel === 'number'
          ? fromModel
          : this.#options.defaultNumCtx;
    return Math.min(requested, model.content.spec.contextLength);
  }

  /**
   * Gets a runner for `model`, loading it when needed. Resolves once loaded, with the time spent
   * loading (0 when it was already loaded). The caller must `release` it.
   */
  async acquire(
    model: InstalledModel,
    request: { keepAliveMs?: number; numCtx?: unknown; signal?: AbortSignal },
  ): Promise<{ runner: Runner; loadMs: number }> {
    const started = performance.now();
    const keepAliveMs = request.keepAliveMs ?? this.#options.defaultKeepAliveMs;
    const contextLength = this.contextLengthFor(model, request.numCtx);
    const key = nameKey(model.name);
    if (this.#pending >= this.#options.maxQueue) {
      throw new OllamaHttpError(
        503,
        'server busy, please try again.  maximum pending requests exceeded',
      );
    }
    this.#pending++;
    let runner: Runner | undefined;
    try {
      for (;;) {
        runner = this.#runners.get(key);
        if (
          runner &&
          (runner.contextLength !== contextLength || runner.model.digest !== model.digest)
        ) {
          if (runner.refCount === 0) this.#drop(runner);
          runner = undefined;
        }
        if (!runner) runner = await this.#start(model, contextLength, request.signal);
        // OLLAMA_NUM_PARALLEL: a busy runner takes no more requests until one ends.
        if (runner.refCount < this.#options.numParallel) break;
        await this.#waitForIdle(request.signal);
      }
    } finally {
      this.#pending--;
    }
    runner.refCount++;
    if (runner.timer) clearTimeout(runner.timer);
    runner.timer = undefined;
    runner.expiresAt = expiry(keepAliveMs);
    try {
      await runner.loading;
    } catch (error) {
      this.release(runner, 0);
      throw error;
    }
    return { runner, loadMs: performance.now() - started };
  }

  /** Ends one request on a runner; starts its keep-alive timer when it goes idle. */
  release(runner: Runner, keepAliveMs: number | undefined): void {
    runner.refCount = Math.max(0, runner.refCount - 1);
    if (runner.refCount > 0) {
      this.#wakeIdleWaiters();
      return;
    }
    const duration = keepAliveMs ?? this.#options.defaultKeepAliveMs;
    if (duration <= 0) {
      this.#drop(runner);
      return;
    }
    runner.expiresAt = expiry(duration);
    if (runner.timer) clearTimeout(runner.timer);
    if (duration <= maxTimerMs) {
      runner.timer = setTimeout(() => this.#drop(runner), duration);
      runner.timer.unref?.();
    }
    this.#wakeIdleWaiters();
  }

  /** Unloads a model now (keep_alive 0). Returns whether it was loaded. */
  unload(model: InstalledModel): boolean {
    const runner = this.#runners.get(nameKey(model.name));
    if (!runner) return false;
    this.#drop(runner);
    return true;
  }

  /** Unloads everything and clears timers (simulator close). */
  close(): void {
    for (const runner of this.#runners.values()) if (runner.timer) clearTimeout(runner.timer);
    this.#runners.clear();
    this.#wakeIdleWaiters();
  }

  async #start(
    model: InstalledModel,
    contextLength: number,
    signal?: AbortSignal,
  ): Promise<Runner> {
    const key = nameKey(model.name);
    for (;;) {
      const others = [...this.#runners.values()].filter((runner) => runner.model !== model);
      if (others.length < this.#options.maxLoadedModels) break;
      const idle = this.#evictable();
      if (idle) this.#drop(idle);
      else await this.#waitForIdle(signal);
    }
    const sizeBytes = estimateRunnerBytes(model, contextLength);
    let free = this.#freeVram();
    while (sizeBytes > free) {
      const idle = this.#evictable();
      if (!idle) break;
      this.#drop(idle);
      free = this.#freeVram();
    }
    const existing = this.#runners.get(key);
    if (existing && existing.contextLength === contextLength) return existing;
    const runner: Runner = {
      model,
      sizeBytes,
      sizeVram: Math.max(0, Math.min(sizeBytes, free)),
      contextLength,
      expiresAt: expiry(this.#options.defaultKeepAliveMs),
      loaded: false,
      refCount: 0,
      loading: Promise.resolve(),
    };
    runner.loading = sleep(this.#options.loadDelayMs, signal).then(() => {
      runner.loaded = true;
    });
    runner.loading.catch(() => {
      if (this.#runners.get(key) === runner) this.#runners.delete(key);
    });
    this.#runners.set(key, runner);
    return runner;
  }

  #freeVram(): number {
    let used = 0;
    for (const runner of this.#runners.values()) used += runner.sizeVram;
    return Math.max(0, this.#options.vramBytes - used);
  }

  #evictable(): Runner | undefined {
    return [...this.#runners.values()]
      .filter((runner) => runner.refCount === 0)
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())[0];
  }

  #drop(runner: Runner): void {
    if (runner.timer) clearTimeout(runner.timer);
    const key = nameKey(runner.model.name);
    if (this.#runners.get(key) === runner) this.#runners.delete(key);
    this.#wakeIdleWaiters();
  }

  #waitForIdle(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        this.#idleWaiters = this.#idleWaiters.filter((entry) => entry !== waiter);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#idleWaiters.push(waiter);
    });
  }

  #wakeIdleWaiters(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}

function expiry(keepAliveMs: number): Date {
  return new Date(
    Date.now() + (Number.isFinite(keepAliveMs) ? Math.max(0, keepAliveMs) : foreverMs),
  );
}
