import { HostUnreachableError } from './errors/host-unreachable-error';
import { InvalidResponseError } from './errors/invalid-response-error';
import { ModelNotFoundError } from './errors/model-not-found-error';
import { OllamaResponseError } from './errors/ollama-response-error';
import { OllamamonError } from './errors/ollamamon-error';

/** Where a failure happened, to name it in the error. */
export interface ErrorContext {
  host: string;
  path: string;
  /** The model the request named, for {@link ModelNotFoundError}. */
  model?: string;
  /** The request's own signal: when it aborted, its reason is the error (timeout or caller abort). */
  signal?: AbortSignal;
  /** True once the response headers arrived (a network failure then is a dropped stream). */
  afterHeaders?: boolean;
}

const modelMissing = /\bmodel\b.*\bnot found\b|file does not exist/i;

/** Build the typed error for an Ollama error text (HTTP error body or an in-stream error line). */
export function ollamaError(
  context: ErrorContext,
  status: number,
  text: string,
  inStream = false,
): OllamaResponseError {
  if (context.model !== undefined && modelMissing.test(text) && (status === 404 || inStream)) {
    return new ModelNotFoundError({
      host: context.host,
      status,
      error: text,
      path: context.path,
      model: context.model,
      inStream,
    });
  }
  return new OllamaResponseError({
    host: context.host,
    status,
    error: text,
    path: context.path,
    inStream,
  });
}

/**
 * Read a non-2xx response into {@link OllamaResponseError}: Ollama's `{"error": ...}` text, or
 * the raw body (gin's `404 page not found`), or `HTTP <status> <statusText>` when empty.
 * (ollama-js's own checkOk does the same but logs to the console, which would break a TUI.)
 */
export async function responseError(
  response: Response,
  context: ErrorContext,
): Promise<OllamaResponseError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // body unreadable: keep the status line
  }
  let message = text.trim();
  if (message.startsWith('{')) {
    try {
      const body = JSON.parse(message) as { error?: unknown };
      if (typeof body.error === 'string') message = body.error;
      else if (typeof body.error === 'object' && body.error !== null && 'message' in body.error) {
        message = String((body.error as { message: unknown }).message);
      }
    } catch {
      // not JSON after all: keep the text
    }
  }
  if (message === '') message = `HTTP ${response.status} ${response.statusText}`.trim();
  return ollamaError(context, response.status, message);
}

/**
 * The one place where failures become typed errors: fetch's network `TypeError`s, aborts and
 * timeouts (the signal's reason), ollama-js's `ResponseError` (`status_code`) and the plain
 * `Error`s its stream reader throws for `{"error"}` lines or a missing body. Our own errors and
 * the caller's `AbortError` pass through unchanged.
 */
export function translateError(error: unknown, context: ErrorContext): unknown {
  if (context.signal?.aborted) return context.signal.reason;
  if (OllamamonError.isInstance(error)) return error;
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)) {
    const named = error as Error & { status_code?: unknown };
    if (named.name === 'AbortError' || named.name === 'TimeoutError') return error;
    if (named.name === 'ResponseError' && typeof named.status_code === 'number') {
      return ollamaError(context, named.status_code, named.message);
    }
    if ((named instanceof TypeError || named.name === 'TypeError') && isNetworkFailure(named)) {
      return new HostUnreachableError({
        host: context.host,
        stage: context.afterHeaders ? 'stream' : 'connect',
        cause: error,
      });
    }
    if (named instanceof SyntaxError) {
      return new InvalidResponseError({
        host: context.host,
        path: context.path,
        issues: [{ path: [], message: `the body is not JSON (${named.message})` }],
        cause: error,
      });
    }
    if (named.message === 'Missing body') {
      return new InvalidResponseError({
        host: context.host,
        path: context.path,
        issues: [{ path: [], message: 'the response has no body' }],
        cause: error,
      });
    }
    if (named.message === 'Did not receive done or success response in stream.') {
      return new HostUnreachableError({ host: context.host, stage: 'stream', cause: error });
    }
    // ollama-js turns an {"error": "..."} stream line into a plain Error with that text.
    if (named.constructor === Error && context.afterHeaders) {
      return ollamaError(context, 200, named.message, true);
    }
  }
  return error;
}

/**
 * fetch rejects with a `TypeError` for network failures: undici says `fetch failed` (connect) or
 * `terminated` (body), browsers `Failed to fetch`, `NetworkError ...`, `Load failed`. Any other
 * `TypeError` is a bug and must surface as itself, not as an unreachable host.
 */
function isNetworkFailure(error: Error): boolean {
  return (
    (error as { cause?: unknown }).cause !== undefined ||
    /fetch|network|terminated|load failed|socket|connect|request|closed/i.test(error.message)
  );
}
