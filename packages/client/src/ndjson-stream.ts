import type { z } from 'zod';
import { HostUnreachableError } from './errors/host-unreachable-error';
import { InvalidResponseError } from './errors/invalid-response-error';
import type { RequestContext } from './request-context';
import { computeTimings, type FinalMetrics, type GenerationTimings } from './timings';
import { ollamaError } from './translate-error';
import { validate } from './validate';

/** How to check and recognise the chunks of one kind of stream. */
export interface StreamKind<TChunk> {
  /** Full schema: used on the first chunk, the final chunk, and any chunk the quick check rejects. */
  schema: z.ZodType<TChunk>;
  /** A cheap hand-written check of the hot fields, run on every other chunk. */
  quickCheck(value: Record<string, unknown>): boolean;
  /** The chunk that ends the stream (`done: true`, or `status: "success"`). */
  isFinal(value: Record<string, unknown>): boolean;
}

/** Go's client reads lines up to 8 MiB (ollama-api.md §1); a longer line is a broken stream. */
const MAX_LINE_CHARS = 8 * 1024 * 1024;

const noop = (): void => {};

/**
 * A streamed Ollama response: an async iterator over parsed NDJSON chunks, with `abort()` and
 * live `timings`.
 *
 * This is the hot path, built as one iterator object with a plain `next()` rather than async
 * generators: each `for await … yield` layer costs about a quarter of the bare reader's rate
 * (see bench/run.ts). Per chunk it does a line scan, `JSON.parse` and a quick shape check; the
 * full zod schema runs on the first and final chunk and on anything the quick check rejects,
 * so a wrong type still raises {@link InvalidResponseError} with the field path.
 */
export class OllamaStream<TChunk> implements AsyncIterableIterator<TChunk> {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private queue: TChunk[] = [];
  private head = 0;
  private pendingError: unknown;
  private ended = false;
  private finished = false;
  private count = 0;
  private firstTokenAt: number | undefined;
  private lastTokenAt: number | undefined;
  private endedAt: number | undefined;
  private finalChunk: TChunk | undefined;
  private settle: () => void = noop;
  /** Resolves once the stream has ended for any reason (final chunk, error, abort, break). */
  readonly settled: Promise<void> = new Promise((resolve) => {
    this.settle = resolve;
  });

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly context: RequestContext,
    private readonly kind: StreamKind<TChunk>,
    private readonly validateChunks: boolean,
  ) {
    this.reader = body.getReader();
    // An abort (caller, stream.abort(), or a timeout) takes effect at once: chunks already
    // parsed but not yet handed out are dropped. A listener costs nothing per chunk.
    context.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  private readonly onAbort = (): void => {
    if (this.finished) return;
    this.queue.length = 0;
    this.head = 0;
    this.ended = false;
    this.pendingError = this.context.signal.reason;
  };

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The final chunk, once it arrived. */
  get final(): TChunk | undefined {
    return this.finalChunk;
  }

  /** Timings so far: time to first token, live tokens/s, and the server's figures at the end. */
  get timings(): GenerationTimings {
    return computeTimings({
      startedAt: this.context.startedAt,
      firstTokenAt: this.firstTokenAt,
      lastTokenAt: this.lastTokenAt,
      endedAt: this.endedAt,
      chunks: this.count,
      final: this.finalChunk as FinalMetrics | undefined,
      now: performance.now(),
    });
  }

  /** Abort the request; a pending or later `next()` rejects with the platform's `AbortError`. */
  abort(reason?: unknown): void {
    this.context.controller.abort(
      reason ?? new DOMException('The stream was aborted.', 'AbortError'),
    );
  }

  /**
   * Wait until the first chunk arrived (without consuming it), so a caller can tell a failure
   * before the first byte from one mid-stream (the fleet fails over on the former).
   */
  async ready(): Promise<void> {
    if (this.head < this.queue.length || this.ended) return;
    const result = await this.fill();
    if (!result.done) this.head--;
  }

  next(): Promise<IteratorResult<TChunk>> {
    if (this.head < this.queue.length) {
      return Promise.resolve({ value: this.queue[this.head++] as TChunk, done: false });
    }
    return this.fill();
  }

  /** Called by `break` in `for await`: stop reading and release the connection. */
  return(): Promise<IteratorResult<TChunk>> {
    if (!this.finished) {
      this.finished = true;
      this.ended = true;
      this.context.dispose();
      this.reader.cancel().catch(noop);
      this.settle();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  private async fill(): Promise<IteratorResult<TChunk>> {
    for (;;) {
      if (this.pendingError !== undefined) throw this.fail(this.pendingError);
      if (this.ended) return this.finish();
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await this.reader.read();
      } catch (error) {
        throw this.fail(error);
      }
      this.context.lastActivityAt = performance.now();
      if (result.done) {
        this.process(this.decoder.decode(), true);
        if (!this.ended && this.pendingError === undefined) {
          this.pendingError = new HostUnreachableError({
            host: this.context.host,
            stage: 'stream',
            cause: new Error('the stream ended before the final chunk'),
          });
        }
        this.ended = true;
      } else {
        this.process(this.decoder.decode(result.value, { stream: true }), false);
      }
      if (this.head < this.queue.length) {
        return { value: this.queue[this.head++] as TChunk, done: false };
      }
    }
  }

  private process(text: string, flush: boolean): void {
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    }
    const data = this.buffer === '' ? text : this.buffer + text;
    let start = 0;
    let newline = data.indexOf('\n');
    while (newline !== -1) {
      if (newline > start && !this.accept(data.slice(start, newline))) return;
      start = newline + 1;
      newline = data.indexOf('\n', start);
    }
    this.buffer = start === 0 ? data : data.slice(start);
    if (flush && this.buffer.trim() !== '') {
      const rest = this.buffer;
      this.buffer = '';
      this.accept(rest);
    } else if (this.buffer.length > MAX_LINE_CHARS) {
      this.pendingError = this.invalid('a line longer than 8 MiB without a newline');
    }
  }

  /** Parse and check one line; false stops processing (final chunk or error). */
  private accept(line: string): boolean {
    if (this.ended) return false;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line);
    } catch (error) {
      if (line.trim() === '') return true;
      this.pendingError = this.invalid(`a line is not JSON: ${line.slice(0, 80)}`, error);
      return false;
    }
    if (typeof value !== 'object' || value === null) {
      this.pendingError = this.invalid('a line is not a JSON object');
      return false;
    }
    if (value.error !== undefined) {
      this.pendingError = ollamaError(this.context, 200, String(value.error), true);
      return false;
    }
    const final = this.kind.isFinal(value);
    let chunk = value as TChunk;
    if (this.validateChunks && (final || this.count === 0 || !this.kind.quickCheck(value))) {
      try {
        chunk = validate(this.kind.schema, value, this.context);
      } catch (error) {
        this.pendingError = error;
        return false;
      }
    }
    if (final) {
      const now = performance.now();
      if (this.firstTokenAt === undefined) this.firstTokenAt = now;
      this.endedAt = now;
      this.finalChunk = chunk;
      this.ended = true;
      this.queue.push(chunk);
      this.release();
      return false;
    }
    this.count++;
    if (this.firstTokenAt === undefined) this.firstTokenAt = performance.now();
    this.queue.push(chunk);
    return true;
  }

  private invalid(message: string, cause?: unknown): InvalidResponseError {
    return new InvalidResponseError({
      host: this.context.host,
      path: this.context.path,
      issues: [{ path: [], message }],
      cause,
    });
  }

  /** After the final chunk: stop the timers and drain the (empty) rest so the socket is reused. */
  private release(): void {
    this.lastTokenAt = this.endedAt;
    this.context.dispose();
    this.settle();
    const drain = (): Promise<void> =>
      this.reader.read().then((result) => (result.done ? undefined : drain()));
    drain().catch(noop);
  }

  private finish(): IteratorResult<TChunk> {
    if (!this.finished) {
      this.finished = true;
      this.context.dispose();
      this.settle();
    }
    return { value: undefined, done: true };
  }

  private fail(error: unknown): unknown {
    this.finished = true;
    this.ended = true;
    this.context.dispose();
    this.reader.cancel().catch(noop);
    this.pendingError = undefined;
    this.settle();
    return this.context.error(error);
  }
}
