import type { ServerResponse } from 'node:http';
import type { AppliedFault } from './faults.js';
import { OllamaHttpError } from './http-error.js';

/** Headers of a JSON error or object response, as gin's `c.JSON` sets them. */
export const jsonHeaders = { 'Content-Type': 'application/json; charset=utf-8' } as const;

/**
 * Writes an NDJSON response straight to Node's ServerResponse (no web-stream layer per chunk,
 * so the simulator is never the bottleneck). Applies drop/stall faults and notices a client
 * that went away. Framing as in ollama-api.md §1.
 */
export class NdjsonStream {
  readonly #response: ServerResponse;
  readonly #fault: AppliedFault | undefined;
  #started = false;
  #stalled = false;
  #dropped = false;
  #batch = 0;
  #buffered = '';
  #bufferedLines = 0;
  chunks = 0;

  constructor(response: ServerResponse, fault: AppliedFault | undefined) {
    this.#response = response;
    this.#fault = fault;
  }

  /**
   * Coalesces up to `lines` lines into one write (one HTTP chunk) instead of one write per line.
   * Used only when tokens come with no delay, where nobody can see the difference, so that the
   * simulator is never the bottleneck of a client benchmark.
   */
  batch(lines: number): void {
    // A stream under a fault writes line by line, so that what the client sees is exact.
    if (this.#fault === undefined) this.#batch = lines;
  }

  /** True once the client disconnected or a fault cut the stream: stop producing. */
  get closed(): boolean {
    return this.#response.destroyed || this.#stalled || this.#dropped;
  }

  get started(): boolean {
    return this.#started;
  }

  /**
   * Writes one line. Returns false when the caller should `await flush()` before going on
   * (backpressure, a stall, or a closed connection); true means carry on at once.
   */
  write(value: unknown): boolean {
    return this.writeText(JSON.stringify(value));
  }

  /** `write` for an object already serialised to JSON (the hot path of generation). */
  writeText(json: string): boolean {
    if (this.closed) return false;
    const fault = this.#fault;
    if (fault?.dropAfterChunks !== undefined && this.chunks >= fault.dropAfterChunks) {
      // Let the lines already written reach the client (a real drop happens between chunks),
      // then cut the connection without the end of the chunked body.
      this.#writeBuffered();
      this.#dropped = true;
      const response = this.#response;
      const socket = response.socket;
      if (socket) {
        // end() sends what was written, then closes: the client gets the headers and the N lines,
        // then a connection closed before the end of the chunked body.
        socket.end();
        setTimeout(() => socket.destroy(), 100).unref();
      } else {
        response.destroy();
      }
      return false;
    }
    if (fault?.stallAfterChunks !== undefined && this.chunks >= fault.stallAfterChunks) {
      this.#start();
      this.#stalled = true;
      return false;
    }
    this.#start();
    this.chunks++;
    if (this.#batch > 0) {
      this.#buffered += `${json}\n`;
      if (++this.#bufferedLines < this.#batch) return true;
      return this.#writeBuffered();
    }
    return this.#response.write(`${json}\n`);
  }

  /** Waits for the socket to drain; a stalled stream waits until the client gives up. */
  flush(): Promise<void> {
    this.#writeBuffered();
    const response = this.#response;
    if (response.destroyed) return Promise.resolve();
    if (!this.#stalled && !response.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        response.off('drain', done);
        response.off('close', done);
        resolve();
      };
      if (!this.#stalled) response.on('drain', done);
      response.on('close', done);
    });
  }

  /** Ends the response (after a stall it stays open until the client leaves). */
  end(): void {
    this.#writeBuffered();
    if (this.closed) return;
    this.#start();
    this.#response.end();
  }

  /**
   * Reports an error: a plain JSON error with its status before the first line, otherwise one
   * last `{"error": ...}` line with the status left at 200.
   */
  fail(error: unknown): void {
    this.#writeBuffered();
    if (this.closed) return;
    const message = error instanceof Error ? error.message : String(error);
    if (!this.#started) {
      const status = error instanceof OllamaHttpError ? error.status : 500;
      this.#started = true;
      this.#response.writeHead(status, jsonHeaders);
      this.#response.end(JSON.stringify({ error: message }));
      return;
    }
    this.#response.end(`${JSON.stringify({ error: message })}\n`);
  }

  /** Writes the coalesced lines; returns false on backpressure. */
  #writeBuffered(): boolean {
    if (this.#bufferedLines === 0) return true;
    const text = this.#buffered;
    this.#buffered = '';
    this.#bufferedLines = 0;
    if (this.#response.destroyed) return false;
    return this.#response.write(text);
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  }
}
