import { HostUnreachableError } from './errors/host-unreachable-error';
import { OllamaResponseError } from './errors/ollama-response-error';
import { TimeoutError } from './errors/timeout-error';

/** Retry settings for idempotent calls. */
export interface RetryOptions {
  /** Extra attempts after the first. @default 2 */
  retries?: number;
  /** Delay before the first retry, doubled each time, with ±20% jitter. @default 100 */
  minDelayMs?: number;
  /** Upper bound of the delay. @default 2000 */
  maxDelayMs?: number;
}

/**
 * A failure worth retrying: the host was not reachable (before any response), no response
 * arrived in time, or Ollama answered a retryable status (408, 409, 429, 5xx). Never a dropped
 * stream, an in-stream error, a 4xx, an invalid response or an abort.
 */
export function isRetryableError(error: unknown): boolean {
  if (HostUnreachableError.isInstance(error)) return error.stage === 'connect';
  if (TimeoutError.isInstance(error)) return error.phase === 'connect';
  if (OllamaResponseError.isInstance(error)) return error.isRetryable;
  return false;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Run `attempt` with exponential backoff while it fails with a retryable error. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: RetryOptions | false,
  signal: AbortSignal | undefined,
): Promise<T> {
  const retries = options === false ? 0 : (options.retries ?? 2);
  const minDelayMs = options === false ? 0 : (options.minDelayMs ?? 100);
  const maxDelayMs = options === false ? 0 : (options.maxDelayMs ?? 2000);
  for (let index = 0; ; index++) {
    try {
      return await attempt();
    } catch (error) {
      if (index >= retries || !isRetryableError(error)) throw error;
      const base = Math.min(maxDelayMs, minDelayMs * 2 ** index);
      await sleep(base * (0.8 + Math.random() * 0.4), signal);
    }
  }
}
