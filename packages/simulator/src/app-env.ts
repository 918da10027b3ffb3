import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { AppliedFault } from './faults.js';
import { decodeRequestBody, type GoFieldType } from './go-json.js';
import { jsonHeaders } from './ndjson-stream.js';

/** Hono environment of the simulator app. */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    fault: AppliedFault | undefined;
    /** Aborted when the client goes away before the response finished. */
    signal: AbortSignal;
  };
}

export type AppContext = Context<AppEnv>;

/** A JSON response as gin's `c.JSON` writes it. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: jsonHeaders });
}

/** Reads and decodes the request body with Go's error texts. */
export async function readJson(
  c: AppContext,
  structName: string,
  fields: Record<string, GoFieldType>,
): Promise<Record<string, unknown>> {
  return decodeRequestBody(await c.req.text(), structName, fields);
}

/** `stream` defaults to true on the server (ollama-api.md §1). */
export function wantsStream(body: Record<string, unknown>): boolean {
  return body.stream !== false;
}
