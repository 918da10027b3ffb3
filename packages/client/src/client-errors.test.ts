import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '@ollamamon/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './create-client';
import { HostUnreachableError } from './errors/host-unreachable-error';
import { InvalidArgumentError } from './errors/invalid-argument-error';
import { InvalidResponseError } from './errors/invalid-response-error';
import { ModelNotFoundError } from './errors/model-not-found-error';
import { OllamaResponseError } from './errors/ollama-response-error';
import { OllamamonError } from './errors/ollamamon-error';
import { TimeoutError } from './errors/timeout-error';

const CHAT = 'qwen3:0.6b';
const messages = [{ role: 'user', content: 'Hi' }];
let simulator: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  simulator = await startSimulator({
    models: [CHAT],
    tokenDelayMs: 0,
    loadDelayMs: 0,
    responseTokens: { min: 30, max: 30 },
  });
});
afterEach(() => simulator.clearFaults());
afterAll(() => simulator.close());

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

/** A real HTTP server answering every request with one fixed body (for shapes the simulator never sends). */
async function fixedServer(status: number, body: string, contentType = 'application/json') {
  const server: Server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('typed errors', () => {
  it('HostUnreachableError when nothing listens', async () => {
    const gone = await startSimulator({ models: [] });
    const url = gone.url;
    await gone.close();
    const error = await failure(createClient({ host: url, retry: false }).list());
    expect(HostUnreachableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'HostUnreachableError', host: url, stage: 'connect' });
    expect(OllamamonError.isInstance(error)).toBe(true);
  });

  it('HostUnreachableError when the host refuses the connection', async () => {
    simulator.addFault({ path: '/api/tags', refuse: true });
    const error = await failure(createClient({ host: simulator.url, retry: false }).list());
    expect(HostUnreachableError.isInstance(error) && error.stage).toBe('connect');
  });

  it('HostUnreachableError (stage stream) when a stream drops mid-way', async () => {
    simulator.addFault({ path: '/api/chat', dropAfterChunks: 3 });
    const stream = await createClient({ host: simulator.url }).chat({
      model: CHAT,
      messages,
      stream: true,
    });
    let received = 0;
    const error = await failure(
      (async () => {
        for await (const _chunk of stream) received++;
      })(),
    );
    expect(received).toBe(3);
    expect(HostUnreachableError.isInstance(error) && error.stage).toBe('stream');
  });

  it('ModelNotFoundError for a missing model, a subclass of OllamaResponseError', async () => {
    const client = createClient({ host: simulator.url });
    for (const call of [
      client.show({ model: 'missing' }),
      client.chat({ model: 'missing', messages }),
      client.generate({ model: 'missing', prompt: 'x', stream: true }),
      client.embed({ model: 'missing', input: 'x' }),
      client.delete({ model: 'missing' }),
      client.pull('no-such-model-anywhere'),
    ]) {
      const error = await failure(call);
      expect(ModelNotFoundError.isInstance(error)).toBe(true);
      expect(OllamaResponseError.isInstance(error)).toBe(true);
      expect((error as ModelNotFoundError).model).toMatch(/missing|no-such-model/);
    }
    const show = (await failure(client.show({ model: 'missing' }))) as ModelNotFoundError;
    expect(show.status).toBe(404);
    expect(show.error).toBe("model 'missing:latest' not found");
  });

  it('OllamaResponseError with status, Ollama’s text and isRetryable', async () => {
    const client = createClient({ host: simulator.url, retry: false });
    simulator.addFault({
      path: '/api/chat',
      status: 503,
      error: 'server busy, please try again.  maximum pending requests exceeded',
      times: 1,
    });
    const busy = (await failure(client.chat({ model: CHAT, messages }))) as OllamaResponseError;
    expect(busy).toMatchObject({
      name: 'OllamaResponseError',
      status: 503,
      isRetryable: true,
      path: '/api/chat',
    });
    expect(busy.error).toContain('maximum pending requests exceeded');
    const bad = (await failure(
      client.chat({ model: CHAT, messages, keep_alive: '5' }),
    )) as OllamaResponseError;
    expect(bad.status).toBe(400);
    expect(bad.isRetryable).toBe(false);
    expect(bad.error).toBe('time: missing unit in duration "5"');
  });

  it('OllamaResponseError for an error line inside a 200 stream', async () => {
    const server = await fixedServer(
      200,
      '{"model":"m","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":"a"},"done":false}\n{"error":"an error was encountered while running the model"}\n',
      'application/x-ndjson',
    );
    const stream = await createClient({ host: server.url }).chat({
      model: 'm',
      messages,
      stream: true,
    });
    const chunks: string[] = [];
    const error = (await failure(
      (async () => {
        for await (const chunk of stream) chunks.push(chunk.message.content);
      })(),
    )) as OllamaResponseError;
    expect(chunks).toEqual(['a']);
    expect(error).toMatchObject({ inStream: true, status: 200, isRetryable: false });
    await server.close();
  });

  it('InvalidResponseError naming the field path', async () => {
    const server = await fixedServer(
      200,
      '{"models":[{"name":"m","model":"m","modified_at":"x","size":"big","digest":"d"}]}',
    );
    const error = (await failure(
      createClient({ host: server.url }).list(),
    )) as InvalidResponseError;
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.issues[0]?.path).toEqual(['models', 0, 'size']);
    expect(error.message).toContain('models[0].size');
    await server.close();
  });

  it('lets a wrong shape through when validation is off', async () => {
    const server = await fixedServer(
      200,
      '{"models":[{"name":"m","model":"m","modified_at":"x","size":"big","digest":"d"}]}',
    );
    const { models } = await createClient({ host: server.url, validate: false }).list();
    expect(models[0]?.size).toBe('big');
    await server.close();
  });

  it('InvalidResponseError for a wrong type in a streamed chunk', async () => {
    const server = await fixedServer(
      200,
      '{"model":"m","created_at":"x","message":{"role":"assistant","content":"a"},"done":false}\n{"model":"m","created_at":"x","message":{"role":"assistant","content":7},"done":false}\n',
      'application/x-ndjson',
    );
    const stream = await createClient({ host: server.url }).chat({
      model: 'm',
      messages,
      stream: true,
    });
    const error = (await failure(
      (async () => {
        for await (const _chunk of stream) {
          // read on
        }
      })(),
    )) as InvalidResponseError;
    expect(error.issues[0]?.path).toEqual(['message', 'content']);
    await server.close();
  });

  it('InvalidResponseError for a body that is not JSON', async () => {
    const server = await fixedServer(200, 'Ollama is running', 'text/plain');
    const error = await failure(createClient({ host: server.url, retry: false }).version());
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    await server.close();
  });

  it('keeps non-JSON error bodies (gin 404) as the error text', async () => {
    const server = await fixedServer(404, '404 page not found', 'text/plain');
    const error = (await failure(createClient({ host: server.url }).ps())) as OllamaResponseError;
    expect(error).toMatchObject({ status: 404, error: '404 page not found' });
    expect(ModelNotFoundError.isInstance(error)).toBe(false);
    await server.close();
  });

  it('InvalidArgumentError for an empty model name', async () => {
    const error = await failure(
      createClient({ host: simulator.url }).chat({ model: ' ', messages }),
    );
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('model');
  });
});

describe('timeouts and abort', () => {
  it('connect/first-byte timeout', async () => {
    simulator.addFault({ path: '/api/tags', latencyMs: 400 });
    const error = await failure(
      createClient({ host: simulator.url, timeoutMs: 50, retry: false }).list(),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'connect', timeoutMs: 50 });
  });

  it('idle-stream timeout when a stream stalls', async () => {
    simulator.addFault({ path: '/api/chat', stallAfterChunks: 2 });
    const client = createClient({ host: simulator.url, idleTimeoutMs: 60 });
    const stream = await client.chat({ model: CHAT, messages, stream: true });
    let received = 0;
    const error = await failure(
      (async () => {
        for await (const _chunk of stream) received++;
      })(),
    );
    expect(received).toBe(2);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'idle', timeoutMs: 60 });
  });

  it('a stalled non-streamed call hits the connect timeout', async () => {
    simulator.addFault({ path: '/api/show', stallAfterChunks: 0 });
    const error = await failure(
      createClient({ host: simulator.url, retry: false }).show({ model: CHAT }, { timeoutMs: 60 }),
    );
    expect(TimeoutError.isInstance(error) && error.phase).toBe('connect');
  });

  it('a non-streamed body that stalls after the headers hits the idle limit', async () => {
    const server: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"models":['); // and never more
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const error = await failure(
      createClient({ host: url, idleTimeoutMs: 60, retry: false }).list(),
    );
    expect(TimeoutError.isInstance(error) && error.phase).toBe('idle');
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('the caller’s signal aborts with the platform’s AbortError', async () => {
    simulator.addFault({ path: '/api/tags', latencyMs: 300 });
    const controller = new AbortController();
    const pending = failure(
      createClient({ host: simulator.url }).list({ signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 10);
    const error = (await pending) as DOMException;
    expect(error.name).toBe('AbortError');
    expect(OllamamonError.isInstance(error)).toBe(false);
  });

  it('aborts a stream mid-way, by signal and by stream.abort()', async () => {
    const slow = await startSimulator({
      models: [CHAT],
      tokenDelayMs: 5,
      loadDelayMs: 0,
      responseTokens: { min: 200, max: 200 },
    });
    const client = createClient({ host: slow.url });
    const controller = new AbortController();
    const stream = await client.chat(
      { model: CHAT, messages, stream: true },
      { signal: controller.signal },
    );
    let received = 0;
    const error = (await failure(
      (async () => {
        for await (const _chunk of stream) if (++received === 3) controller.abort();
      })(),
    )) as DOMException;
    expect(error.name).toBe('AbortError');
    expect(received).toBe(3);

    const second = await client.chat({ model: CHAT, messages, stream: true });
    const stopped = (await failure(
      (async () => {
        for await (const _chunk of second) second.abort();
      })(),
    )) as DOMException;
    expect(stopped.name).toBe('AbortError');
    await slow.close();
  });

  it('an already aborted signal fails at once', async () => {
    const error = (await failure(
      createClient({ host: simulator.url }).version({ signal: AbortSignal.abort() }),
    )) as DOMException;
    expect(error.name).toBe('AbortError');
  });

  it('breaking out of a stream releases it', async () => {
    const client = createClient({ host: simulator.url });
    const stream = await client.chat({ model: CHAT, messages, stream: true });
    for await (const _chunk of stream) break;
    await stream.settled;
    expect(simulator.activeGenerations()).toBeLessThanOrEqual(1);
  });
});

describe('retries', () => {
  it('retries an idempotent call on a retryable status', async () => {
    simulator.addFault({ path: '/api/tags', status: 503, times: 2 });
    const client = createClient({ host: simulator.url, retry: { retries: 2, minDelayMs: 1 } });
    const { models } = await client.list();
    expect(models.length).toBeGreaterThan(0);
  });

  it('gives up after the configured retries', async () => {
    simulator.addFault({ path: '/api/tags', status: 500, error: 'boom', times: 3 });
    const client = createClient({ host: simulator.url, retry: { retries: 1, minDelayMs: 1 } });
    const error = (await failure(client.list())) as OllamaResponseError;
    expect(error.status).toBe(500);
    // one fault use is left: two attempts were made, not three
    expect((await failure(client.list({ retry: false }))) as OllamaResponseError).toMatchObject({
      status: 500,
    });
    expect((await client.list({ retry: false })).models.length).toBeGreaterThan(0);
  });

  it('retries a refused connection', async () => {
    simulator.addFault({ path: '/api/version', refuse: true, times: 1 });
    const client = createClient({ host: simulator.url, retry: { retries: 1, minDelayMs: 1 } });
    expect((await client.version()).version).toBeTruthy();
  });

  it('never retries a 4xx', async () => {
    simulator.addFault({ path: '/api/show', status: 400, error: 'bad', times: 1 });
    const client = createClient({ host: simulator.url, retry: { retries: 3, minDelayMs: 1 } });
    expect((await failure(client.show({ model: CHAT }))) as OllamaResponseError).toMatchObject({
      status: 400,
    });
  });

  it('never retries a generation (not idempotent)', async () => {
    simulator.addFault({ path: '/api/chat', status: 503, times: 1 });
    const client = createClient({ host: simulator.url, retry: { retries: 3, minDelayMs: 1 } });
    expect(
      (await failure(client.chat({ model: CHAT, messages }))) as OllamaResponseError,
    ).toMatchObject({ status: 503 });
    expect((await client.chat({ model: CHAT, messages })).done).toBe(true);
  });
});
