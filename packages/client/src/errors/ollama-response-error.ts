import { OllamamonError } from './ollamamon-error';

const marker = Symbol.for('ollamamon.error.ollama-response');

/** Statuses worth retrying (as in vercel/ai's APICallError): the request may succeed later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Ollama answered with an error: an HTTP status >= 400 with its `{"error": "..."}` text, or an
 * `{"error": ...}` line in the middle of a stream (then `status` is the stream's 200 and
 * `inStream` is true).
 */
export class OllamaResponseError extends OllamamonError {
  readonly [marker] = true;
  readonly host: string;
  /** HTTP status of the response. */
  readonly status: number;
  /** Ollama's own error text (the `error` field, or the raw body when it is not JSON). */
  readonly error: string;
  /** Request path, e.g. `/api/chat`. */
  readonly path: string;
  /** True when the error arrived as a line inside a 200 stream. */
  readonly inStream: boolean;
  /** Whether retrying the same request may succeed (408, 409, 429, 5xx; never in-stream). */
  readonly isRetryable: boolean;

  constructor(options: {
    host: string;
    status: number;
    error: string;
    path: string;
    inStream?: boolean;
    cause?: unknown;
  }) {
    super(
      `Ollama at ${options.host} answered ${options.path} with ${options.inStream ? 'a stream error' : `HTTP ${options.status}`}: ${options.error}`,
      { cause: options.cause },
    );
    this.name = 'OllamaResponseError';
    this.host = options.host;
    this.status = options.status;
    this.error = options.error;
    this.path = options.path;
    this.inStream = options.inStream ?? false;
    this.isRetryable = !this.inStream && isRetryableStatus(options.status);
  }

  static override isInstance(value: unknown): value is OllamaResponseError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
