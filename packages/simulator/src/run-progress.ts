import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { AppContext } from './app-env.js';
import { jsonResponse } from './app-env.js';
import { OllamaHttpError } from './http-error.js';
import { NdjsonStream } from './ndjson-stream.js';

/** A progress line of pull, push and create. */
export interface Progress {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
}

/** Sends one progress line; resolves when the caller may go on. Throws once the client left. */
export type Emit = (progress: Progress) => Promise<void>;

class ClientGone extends Error {}

/**
 * Runs a progress producer the way Ollama's `streamResponse` does (ollama-api.md §1): NDJSON by
 * default; with `stream:false` only the last object (or the error with its status, default 500).
 */
export async function runProgress(
  c: AppContext,
  stream: boolean,
  producer: (emit: Emit, signal: AbortSignal) => Promise<void>,
): Promise<Response> {
  const signal = c.get('signal');
  if (!stream) {
    let last: Progress | undefined;
    try {
      await producer(async (progress) => {
        if (signal.aborted) throw new ClientGone();
        last = progress;
      }, signal);
    } catch (error) {
      if (error instanceof OllamaHttpError)
        return jsonResponse(error.status, { error: error.message });
      if (signal.aborted) return RESPONSE_ALREADY_SENT;
      return jsonResponse(500, { error: error instanceof Error ? error.message : String(error) });
    }
    return jsonResponse(200, last ?? { status: 'success' });
  }
  const writer = new NdjsonStream(c.env.outgoing, c.get('fault'));
  try {
    await producer(async (progress) => {
      if (!writer.write(progress)) await writer.flush();
      if (writer.closed || signal.aborted) throw new ClientGone();
    }, signal);
    writer.end();
  } catch (error) {
    if (!(error instanceof ClientGone) && !signal.aborted) writer.fail(error);
  }
  return RESPONSE_ALREADY_SENT;
}
