import { nameKey, parseName } from './model-name.js';

/**
 * A fault to inject. Matching fields (`path`, `method`, `model`) narrow which requests it hits;
 * with none of them it hits every request. The effect fields can be combined.
 */
export interface Fault {
  /** Exact pathname (`/api/chat`) or a RegExp tested against it. */
  path?: string | RegExp;
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Model named in the request body (`model` or `name`), compared as Ollama compares names. */
  model?: string;
  /** Apply to this many matching requests, then remove itself. Default: every request. */
  times?: number;
  /** Added delay before the request is handled. */
  latencyMs?: number;
  /** Answer with this status and `{"error": error}` instead of handling the request. */
  status?: number;
  /** Ollama's error text for `status`. Default: a generic text for the status. */
  error?: string;
  /** Streams: destroy the connection after this many NDJSON lines. Non-streamed: destroy before the body. */
  dropAfterChunks?: number;
  /** Streams: stop writing (keep the connection open) after this many lines. Non-streamed: never answer. */
  stallAfterChunks?: number;
  /** Destroy the connection at once, without any response. */
  refuse?: boolean;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** The effects that apply to one request (merged from every matching fault). */
export interface AppliedFault {
  latencyMs: number;
  status?: number;
  error?: string;
  dropAfterChunks?: number;
  stallAfterChunks?: number;
  refuse: boolean;
}

/** The set of active faults of one simulator. */
export class FaultRegistry {
  #faults: ActiveFault[] = [];

  add(fault: Fault): () => void {
    if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
      throw new TypeError(`addFault: times must be a positive integer, got ${fault.times}`);
    }
    const entry: ActiveFault = { fault, remaining: fault.times ?? Number.POSITIVE_INFINITY };
    this.#faults.push(entry);
    return () => {
      this.#faults = this.#faults.filter((active) => active !== entry);
    };
  }

  clear(): void {
    this.#faults = [];
  }

  get size(): number {
    return this.#faults.length;
  }

  /** Whether any fault could need the request's model (so the body must be read first). */
  needsModel(): boolean {
    return this.#faults.some((entry) => entry.fault.model !== undefined);
  }

  /** Finds, consumes and merges the faults matching a request. */
  match(request: { path: string; method: string; model?: string }): AppliedFault | undefined {
    let applied: AppliedFault | undefined;
    for (const entry of [...this.#faults]) {
      const { fault } = entry;
      if (fault.method && fault.method.toUpperCase() !== request.method.toUpperCase()) continue;
      if (typeof fault.path === 'string' && fault.path !== request.path) continue;
      if (fault.path instanceof RegExp && !fault.path.test(request.path)) continue;
      if (fault.model !== undefined) {
        if (request.model === undefined) continue;
        if (nameKey(parseName(fault.model)) !== nameKey(parseName(request.model))) continue;
      }
      entry.remaining--;
      if (entry.remaining <= 0) this.#faults = this.#faults.filter((active) => active !== entry);
      applied ??= { latencyMs: 0, refuse: false };
      applied.latencyMs += fault.latencyMs ?? 0;
      applied.refuse ||= fault.refuse === true;
      if (fault.status !== undefined) {
        applied.status = fault.status;
        applied.error = fault.error;
      }
      if (fault.dropAfterChunks !== undefined) applied.dropAfterChunks = fault.dropAfterChunks;
      if (fault.stallAfterChunks !== undefined) applied.stallAfterChunks = fault.stallAfterChunks;
    }
    return applied;
  }
}
