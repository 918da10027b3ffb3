import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { isAllowedHost } from './allowed-host.js';
import { type AppContext, type AppEnv, jsonResponse } from './app-env.js';
import { corsDecision } from './cors.js';
import { OllamaHttpError } from './http-error.js';
import { handleBlobHead, handleBlobPost } from './routes/blobs.js';
import { handleChat } from './routes/chat.js';
import { handleCreate } from './routes/create.js';
import { handleEmbed, handleEmbeddings } from './routes/embed.js';
import { handleGenerate } from './routes/generate.js';
import { handleCopy, handleDelete, handlePs, handleShow, handleTags } from './routes/models.js';
import { handlePull, handlePush } from './routes/pull.js';
import { handleManifest } from './routes/registry-manifests.js';
import type { SimulatorState } from './simulator-state.js';
import { sleep } from './sleep.js';

/** Ollama's routes (gin) and the methods each accepts, for 404 vs 405. */
const routeTable: Array<[RegExp, string[]]> = [
  [/^\/$/, ['GET', 'HEAD']],
  [/^\/api\/version$/, ['GET', 'HEAD']],
  [/^\/api\/tags$/, ['GET', 'HEAD']],
  [/^\/api\/ps$/, ['GET']],
  [/^\/api\/status$/, ['GET']],
  [/^\/api\/(show|pull|push|create|copy|generate|chat|embed|embeddings)$/, ['POST']],
  [/^\/api\/delete$/, ['DELETE']],
  [/^\/api\/blobs\/[^/]+$/, ['HEAD', 'POST']],
  [/^\/v2\/[^/]+\/[^/]+\/manifests\/[^/]+$/, ['GET', 'HEAD']],
];

const defaultFaultErrors: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  429: 'too many requests',
  500: 'internal server error',
  502: 'bad gateway',
  503: 'server busy, please try again.  maximum pending requests exceeded',
  504: 'gateway timeout',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain' } });
}

/** gin's default 404 / 405 bodies (ollama-api.md §1). */
function unrouted(path: string, method: string): Response {
  const route = routeTable.find(([pattern]) => pattern.test(path));
  if (route && !route[1].includes(method)) return plain(405, '405 method not allowed');
  return plain(404, '404 page not found');
}

/**
 * Reads what is left of a request body the handler did not read (an early error, a fault), so
 * the keep-alive connection stays usable for the client's next request.
 */
async function drainBody(c: AppContext): Promise<void> {
  const raw = c.req.raw;
  if (raw.body && !raw.bodyUsed) await raw.arrayBuffer().catch(() => undefined);
}

function alreadySent(response: Response): boolean {
  return response.headers.has('x-hono-already-sent');
}

/** Builds the simulator's Hono app over its state. */
export function createApp(state: SimulatorState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const outgoing = c.env.outgoing;
    const controller = new AbortController();
    outgoing.once('close', () => {
      if (!outgoing.writableFinished)
        controller.abort(new OllamaHttpError(499, 'request canceled'));
    });
    c.set('signal', controller.signal);
    const method = c.req.method;
    const path = c.req.path;
    const cors = corsDecision(
      { origin: c.req.header('origin') ?? null, host: c.req.header('host') ?? null, method },
      state.settings.allowedOrigins,
    );
    if (cors.kind === 'forbidden') return new Response(null, { status: 403 });
    if (cors.kind === 'preflight')
      return new Response(null, { status: 204, headers: cors.headers });
    if (cors.kind === 'allow') {
      for (const [name, value] of Object.entries(cors.headers)) outgoing.setHeader(name, value);
    }
    if (state.settings.checkHost) {
      if (!isAllowedHost(c.req.header('host'))) return new Response(null, { status: 403 });
      if (method === 'OPTIONS') return new Response(null, { status: 204 });
    }
    const route = routeTable.find(([pattern]) => pattern.test(path));
    if (method === 'HEAD' && route && !route[1].includes('HEAD')) return unrouted(path, method);
    try {
      if (state.faults.size > 0) {
        const short = await applyFaults(state, c, controller.signal);
        if (short) {
          c.res = short;
          return short;
        }
      }
      await next();
      await drainBody(c);
      const fault = c.get('fault');
      if (fault && !alreadySent(c.res)) {
        if (fault.dropAfterChunks !== undefined) {
          outgoing.destroy();
          c.res = RESPONSE_ALREADY_SENT;
        } else if (fault.stallAfterChunks !== undefined) {
          c.res = RESPONSE_ALREADY_SENT;
        }
      }
    } finally {
      if (state.onRequest) {
        const log = state.onRequest;
        const status = (): number => (alreadySent(c.res) ? outgoing.statusCode : c.res.status);
        const report = (): void =>
          log({ method, path, status: status(), durationMs: performance.now() - started });
        if (alreadySent(c.res) && !outgoing.writableFinished) outgoing.once('close', report);
        else report();
      }
    }
  });

  const on = (
    method: string,
    path: string,
    handler: (c: AppContext) => Response | Promise<Response>,
  ): void => {
    app.on(method, path, (c) => {
      // Hono answers HEAD with the GET handler; gin keeps them apart.
      if (
        c.req.method === 'HEAD' &&
        method === 'GET' &&
        !routeTable.find(([p]) => p.test(c.req.path))?.[1].includes('HEAD')
      ) {
        return unrouted(c.req.path, 'HEAD');
      }
      return handler(c);
    });
  };

  on('GET', '/', () => plain(200, 'Ollama is running'));
  on('GET', '/api/version', () => jsonResponse(200, { version: state.settings.version }));
  on('GET', '/api/tags', () => handleTags(state));
  on('GET', '/api/ps', () => handlePs(state));
  on('GET', '/api/status', () => jsonResponse(200, { cloud: { disabled: false, source: 'none' } }));
  on('POST', '/api/show', (c) => handleShow(state, c));
  on('POST', '/api/pull', (c) => handlePull(state, c));
  on('POST', '/api/push', (c) => handlePush(state, c));
  on('POST', '/api/create', (c) => handleCreate(state, c));
  on('POST', '/api/copy', (c) => handleCopy(state, c));
  on('DELETE', '/api/delete', (c) => handleDelete(state, c));
  on('POST', '/api/generate', (c) => handleGenerate(state, c));
  on('POST', '/api/chat', (c) => handleChat(state, c));
  on('POST', '/api/embed', (c) => handleEmbed(state, c));
  on('POST', '/api/embeddings', (c) => handleEmbeddings(state, c));
  on('POST', '/api/blobs/:digest', (c) => handleBlobPost(state, c));
  app.get('/api/blobs/:digest', (c) =>
    c.req.method === 'HEAD' ? handleBlobHead(state, c) : unrouted(c.req.path, c.req.method),
  );
  on('GET', '/v2/:namespace/:model/manifests/:tag', (c) => handleManifest(state, c));

  app.notFound((c) => unrouted(c.req.path, c.req.method));
  app.onError((error, c) => {
    if (error instanceof OllamaHttpError)
      return jsonResponse(error.status, { error: error.message });
    if (c.get('signal')?.aborted) return jsonResponse(499, { error: 'request canceled' });
    return jsonResponse(500, { error: error instanceof Error ? error.message : String(error) });
  });
  return app;
}

async function applyFaults(
  state: SimulatorState,
  c: AppContext,
  signal: AbortSignal,
): Promise<Response | undefined> {
  let model: string | undefined;
  if (
    state.faults.needsModel() &&
    c.req.method !== 'GET' &&
    c.req.method !== 'HEAD' &&
    !c.req.path.startsWith('/api/blobs/')
  ) {
    try {
      const body = JSON.parse(await c.req.text()) as Record<string, unknown> | null;
      const value = body?.model || body?.name || body?.source;
      if (typeof value === 'string') model = value;
    } catch {
      // Not JSON: the handler reports it.
    }
  }
  const fault = state.faults.match({ path: c.req.path, method: c.req.method, model });
  if (!fault) return undefined;
  c.set('fault', fault);
  if (fault.latencyMs > 0) await sleep(fault.latencyMs, signal).catch(() => undefined);
  if (fault.refuse || signal.aborted) {
    c.env.incoming.socket.destroy();
    return RESPONSE_ALREADY_SENT;
  }
  if (fault.status !== undefined) {
    await drainBody(c);
    return jsonResponse(fault.status, {
      error: fault.error ?? defaultFaultErrors[fault.status] ?? 'error',
    });
  }
  return undefined;
}
