import type { AppContext } from '../app-env.js';
import { sha256Hex } from '../digest.js';
import { goQuote, OllamaHttpError } from '../http-error.js';
import type { SimulatorState } from '../simulator-state.js';

const digestPattern = /^sha256[:-][0-9a-fA-F]{64}$/;

function normalise(digest: string): string {
  return `sha256:${digest.slice(7).toLowerCase()}`;
}

/** HEAD /api/blobs/:digest: 200 when present, else 404. */
export function handleBlobHead(state: SimulatorState, c: AppContext): Response {
  const digest = c.req.param('digest') ?? '';
  if (!digestPattern.test(digest)) throw new OllamaHttpError(400, 'invalid digest format');
  if (!state.store.hasBlob(normalise(digest)))
    throw new OllamaHttpError(404, `blob ${goQuote(digest)} not found`);
  return new Response(null, { status: 200 });
}

/** POST /api/blobs/:digest: 200 if already there, 201 when stored, 400 on a digest mismatch. */
export async function handleBlobPost(state: SimulatorState, c: AppContext): Promise<Response> {
  const digest = c.req.param('digest') ?? '';
  if (!digestPattern.test(digest)) throw new OllamaHttpError(400, 'invalid digest format');
  const key = normalise(digest);
  if (state.store.hasBlob(key)) return new Response(null, { status: 200 });
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const actual = `sha256:${sha256Hex(bytes)}`;
  if (actual !== key) {
    throw new OllamaHttpError(
      400,
      `digest mismatch, expected ${goQuote(digest)}, got ${goQuote(actual)}`,
    );
  }
  state.store.putBlob(key, { size: bytes.byteLength, head: bytes.slice(0, 8) });
  return new Response(null, { status: 201 });
}
