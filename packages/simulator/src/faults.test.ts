import { request as httpRequest } from 'node:http';
import { Ollama } from 'ollama';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Simulator, startSimulator } from './index.js';
import { call } from './test-helpers.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({ models: ['llama3.2:1b'], tokenDelayMs: 0, loadDelayMs: 0 });
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => simulator.clearFaults());
afterAll(() => simulator.close());

// A function: ollama-js writes `stream` into the request object it is given.
const chatBody = () => ({
  model: 'llama3.2:1b',
  messages: [{ role: 'user', content: 'hi' }],
  options: { seed: 1 },
});

describe('faults', () => {
  it('latencyMs delays the answer', async () => {
    simulator.addFault({ path: '/api/version', latencyMs: 120 });
    const started = performance.now();
    expect((await call(simulator.url, '/api/version')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('status answers with Ollama error JSON, with a given or default text', async () => {
    simulator.addFault({ path: '/api/tags', status: 503 });
    expect(await call(simulator.url, '/api/tags')).toMatchObject({
      status: 503,
      json: { error: 'server busy, please try again.  maximum pending requests exceeded' },
    });
    simulator.clearFaults();
    simulator.addFault({
      path: '/api/chat',
      status: 500,
      error: 'llama runner process has terminated: exit status 2',
    });
    const error = await new Ollama({ host: simulator.url })
      .chat(chatBody())
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({
      name: 'ResponseError',
      status_code: 500,
      error: 'llama runner process has terminated: exit status 2',
    });
  });

  it('times limits a fault to N requests; the returned function removes it', async () => {
    simulator.addFault({ path: '/api/version', status: 500, times: 2 });
    const statuses = [];
    for (let index = 0; index < 3; index++)
      statuses.push((await call(simulator.url, '/api/version')).status);
    expect(statuses).toEqual([500, 500, 200]);
    const remove = simulator.addFault({ path: /^\/api\/(tags|ps)$/, method: 'get', status: 418 });
    expect((await call(simulator.url, '/api/ps')).status).toBe(418);
    expect((await call(simulator.url, '/api/tags')).status).toBe(418);
    remove();
    expect((await call(simulator.url, '/api/ps')).status).toBe(200);
  });

  it('model matches the model named in the body', async () => {
    simulator.addFault({ model: 'llama3.2:1b', status: 500, error: 'boom' });
    expect(
      (await call(simulator.url, '/api/show', { body: { model: 'llama3.2:1b' } })).status,
    ).toBe(500);
    expect((await call(simulator.url, '/api/show', { body: { name: 'other' } })).status).toBe(404);
    expect((await call(simulator.url, '/api/tags')).status).toBe(200);
  });

  it('dropAfterChunks cuts a stream after N lines', async () => {
    simulator.addFault({ path: '/api/chat', dropAfterChunks: 3 });
    // node:http on a fresh connection, to see exactly what arrives before the cut.
    const outcome = await new Promise<{ status: number; text: string; error: string }>(
      (resolve) => {
        const request = httpRequest(
          `${simulator.url}/api/chat`,
          { method: 'POST', agent: false },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
              text += chunk;
            });
            response.on('error', (error) =>
              resolve({ status: response.statusCode ?? 0, text, error: error.message }),
            );
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, text, error: '' }),
            );
          },
        );
        request.end(JSON.stringify(chatBody()));
      },
    );
    expect(outcome.status).toBe(200);
    expect(outcome.error).toBe('aborted');
    expect(outcome.text.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('dropAfterChunks delivers the N lines to fetch too, at any token delay', async () => {
    for (const tokenDelayMs of [0, 2]) {
      const sim = await startSimulator({ models: ['llama3.2:1b'], tokenDelayMs, loadDelayMs: 0 });
      try {
        sim.addFault({ path: '/api/chat', dropAfterChunks: 3 });
        const response = await fetch(`${sim.url}/api/chat`, {
          method: 'POST',
          body: JSON.stringify(chatBody()),
        });
        expect(response.status).toBe(200);
        const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
        const decoder = new TextDecoder();
        let text = '';
        const failure = await (async () => {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return undefined;
            text += decoder.decode(value, { stream: true });
          }
        })().catch((error: unknown) => error);
        expect(failure, `tokenDelayMs ${tokenDelayMs}`).toMatchObject({ message: 'terminated' });
        expect(text.split('\n').filter(Boolean), `tokenDelayMs ${tokenDelayMs}`).toHaveLength(3);
      } finally {
        await sim.close();
      }
    }
  });

  it('dropAfterChunks makes the official client fail mid-stream', async () => {
    simulator.addFault({ path: '/api/chat', dropAfterChunks: 2 });
    const stream = await new Ollama({ host: simulator.url }).chat({ ...chatBody(), stream: true });
    let seen = 0;
    const reading = (async () => {
      for await (const _chunk of stream) seen++;
    })();
    await expect(reading).rejects.toThrow();
    expect(seen).toBe(2);
  });

  it('dropAfterChunks on a non-streamed request drops the connection', async () => {
    simulator.addFault({ path: '/api/tags', dropAfterChunks: 0 });
    await expect(fetch(`${simulator.url}/api/tags`)).rejects.toThrow();
  });

  it('stallAfterChunks keeps the connection open with no more lines', async () => {
    simulator.addFault({ path: '/api/generate', stallAfterChunks: 2 });
    const controller = new AbortController();
    const response = await fetch(`${simulator.url}/api/generate`, {
      method: 'POST',
      body: JSON.stringify({ model: 'llama3.2:1b', prompt: 'hi' }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (text.split('\n').filter(Boolean).length < 2)
      text += decoder.decode((await reader?.read())?.value);
    const next = reader?.read();
    const outcome = await Promise.race([
      next,
      new Promise((resolve) => setTimeout(() => resolve('stalled'), 150)),
    ]);
    expect(outcome).toBe('stalled');
    controller.abort();
    await next?.catch(() => undefined);
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('stallAfterChunks on a non-streamed request never answers', async () => {
    simulator.addFault({ path: '/api/version', stallAfterChunks: 0 });
    const failure = await fetch(`${simulator.url}/api/version`, {
      signal: AbortSignal.timeout(150),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'TimeoutError' });
  });

  it('refuse drops the connection without a response', async () => {
    simulator.addFault({ refuse: true, times: 1 });
    await expect(fetch(`${simulator.url}/api/version`)).rejects.toThrow('fetch failed');
    expect((await call(simulator.url, '/api/version')).status).toBe(200);
  });

  it('rejects a bad times value', () => {
    expect(() => simulator.addFault({ times: 0 })).toThrow('times must be a positive integer');
  });
});
