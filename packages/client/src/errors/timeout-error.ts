import { OllamamonError } from './ollamamon-error';

const marker = Symbol.for('ollamamon.error.timeout');

/**
 * A request took too long: `phase: 'connect'` when no response (headers) arrived within
 * `timeoutMs`, `phase: 'idle'` when a stream sent nothing for `timeoutMs`.
 */
export class TimeoutError extends OllamamonError {
  readonly [marker] = true;
  readonly host: string;
  readonly timeoutMs: number;
  readonly phase: 'connect' | 'idle';

  constructor(options: {
    host: string;
    timeoutMs: number;
    phase: 'connect' | 'idle';
    path?: string;
  }) {
    super(
      options.phase === 'connect'
        ? `No response from ${options.host}${options.path ?? ''} within ${options.timeoutMs} ms (connect/first-byte timeout).`
        : `The stream from ${options.host}${options.path ?? ''} sent nothing for ${options.timeoutMs} ms (idle timeout).`,
    );
    this.name = 'TimeoutError';
    this.host = options.host;
    this.timeoutMs = options.timeoutMs;
    this.phase = options.phase;
  }

  static override isInstance(value: unknown): value is TimeoutError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
