import { OllamamonError } from './ollamamon-error';

const marker = Symbol.for('ollamamon.error.host-unreachable');

/**
 * The host could not be reached (connection refused, DNS failure, TLS failure), or the
 * connection dropped while a response was being read (`stage: 'stream'`).
 */
export class HostUnreachableError extends OllamamonError {
  readonly [marker] = true;
  /** Base URL of the host. */
  readonly host: string;
  /** `connect`: no response arrived; `stream`: the connection broke while reading the body. */
  readonly stage: 'connect' | 'stream';

  constructor(options: { host: string; stage?: 'connect' | 'stream'; cause?: unknown }) {
    const stage = options.stage ?? 'connect';
    const reason = describeCause(options.cause);
    super(
      stage === 'connect'
        ? `Cannot reach Ollama at ${options.host}${reason}. Is the server running and is the address right?`
        : `The connection to ${options.host} dropped while reading the response${reason}.`,
      { cause: options.cause },
    );
    this.name = 'HostUnreachableError';
    this.host = options.host;
    this.stage = stage;
  }

  static override isInstance(value: unknown): value is HostUnreachableError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return '';
  const inner = (cause as { cause?: unknown }).cause;
  const code =
    typeof inner === 'object' && inner !== null && 'code' in inner ? String(inner.code) : undefined;
  if (code) return ` (${code})`;
  if (inner instanceof Error && inner.message) return ` (${inner.message})`;
  return cause.message && cause.message !== 'fetch failed' ? ` (${cause.message})` : '';
}
