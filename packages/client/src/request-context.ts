import { TimeoutError } from './errors/timeout-error';
import type { RetryOptions } from './retry';
import { type ErrorContext, translateError } from './translate-error';

/** Per-call options every client method accepts. */
export interface CallOptions {
  /** Abort the call; the platform's `AbortError` (or your reason) is thrown. */
  signal?: AbortSignal;
  /** Connect/first-byte timeout for this call, in ms (0 = none). Overrides the client's. */
  timeoutMs?: number;
  /** Idle-stream timeout for this call, in ms (0 = none). Overrides the client's. */
  idleTimeoutMs?: number;
  /** Retries for this call (idempotent calls only); `false` turns them off. Overrides the client's. */
  retry?: RetryOptions | false;
}

/**
 * One request's abort plumbing: a controller aborted by the caller's signal, by the
 * connect/first-byte timer (until {@link RequestContext.headersReceived}) and by the idle
 * watchdog of a stream. Each abort carries its reason, so fetch and the body reader reject with
 * exactly the error the caller should see.
 */
export class RequestContext implements ErrorContext {
  readonly controller = new AbortController();
  readonly signal: AbortSignal = this.controller.signal;
  readonly host: string;
  readonly path: string;
  readonly model: string | undefined;
  readonly startedAt = performance.now();
  afterHeaders = false;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private idleMs = 0;
  /** Last time a stream delivered bytes; the watchdog reads it instead of re-arming per chunk. */
  lastActivityAt = 0;
  private readonly callerSignal: AbortSignal | undefined;
  private readonly onCallerAbort = (): void => this.controller.abort(this.callerSignal?.reason);

  constructor(options: {
    host: string;
    path: string;
    model?: string;
    timeoutMs: number;
    signal?: AbortSignal;
  }) {
    this.host = options.host;
    this.path = options.path;
    this.model = options.model;
    this.callerSignal = options.signal;
    if (options.signal) {
      if (options.signal.aborted) this.controller.abort(options.signal.reason);
      else options.signal.addEventListener('abort', this.onCallerAbort, { once: true });
    }
    if (options.timeoutMs > 0 && !this.signal.aborted) {
      const timeoutMs = options.timeoutMs;
      this.connectTimer = setTimeout(() => {
        this.controller.abort(
          new TimeoutError({ host: this.host, path: this.path, timeoutMs, phase: 'connect' }),
        );
      }, timeoutMs);
    }
  }

  /** The response headers arrived: the connect timer stops. */
  headersReceived(): void {
    this.afterHeaders = true;
    if (this.connectTimer !== undefined) clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }

  /** Start the idle watchdog: the stream is aborted when no bytes arrive for `idleMs`. */
  watchIdle(idleMs: number): void {
    if (idleMs <= 0) return;
    this.idleMs = idleMs;
    this.lastActivityAt = performance.now();
    this.idleTimer = setTimeout(this.checkIdle, idleMs);
  }

  private readonly checkIdle = (): void => {
    const quietMs = performance.now() - this.lastActivityAt;
    if (quietMs >= this.idleMs - 1) {
      this.idleTimer = undefined;
      this.controller.abort(
        new TimeoutError({
          host: this.host,
          path: this.path,
          timeoutMs: this.idleMs,
          phase: 'idle',
        }),
      );
      return;
    }
    this.idleTimer = setTimeout(this.checkIdle, this.idleMs - quietMs);
  };

  /** Stop every timer and listener. Safe to call more than once. */
  dispose(): void {
    if (this.connectTimer !== undefined) clearTimeout(this.connectTimer);
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.connectTimer = undefined;
    this.idleTimer = undefined;
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  /** Translate any failure of this request (see {@link translateError}). */
  error(error: unknown): unknown {
    return translateError(error, this);
  }
}
