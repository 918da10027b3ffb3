import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '@ollamamon/simulator';
import { Ollama } from 'ollama/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostUnreachableError } from './errors/host-unreachable-error';
import { InvalidResponseError } from './errors/invalid-response-error';
import { ModelNotFoundError } from './errors/model-not-found-error';
import { OllamaResponseError } from './errors/ollama-response-error';
import { TimeoutError } from './errors/timeout-error';
import { translateError } from './translate-error';

let simulator: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  simulator = await startSimulator({ models: ['qwen3:0.6b'], tokenDelayMs: 0, loadDelayMs: 0 });
});
afterAll(() => simulator.close());

const caught = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('translateError: the official client’s errors, caught for real', () => {
  it('turns ollama-js’s ResponseError into OllamaResponseError / ModelNotFoundError', async () => {
    const official = new Ollama({ host: simulator.url });
    const error = await caught(official.show({ model: 'missing' }));
    expect((error as Error).name).toBe('ResponseError');
    const context = { host: simulator.url, path: '/api/show', model: 'missing' };
    const translated = translateError(error, context);
    expect(ModelNotFoundError.isInstance(translated)).toBe(true);
    expect(translated).toMatchObject({ status: 404, error: "model 'missing:latest' not found" });
    const plain = translateError(error, { host: simulator.url, path: '/api/show' });
    expect(OllamaResponseError.isInstance(plain) && !ModelNotFoundError.isInstance(plain)).toBe(
      true,
    );
  });

  it('turns its in-stream plain Error into an in-stream OllamaResponseError', async () => {
    // A real server sending one chunk and then Ollama's {"error"} line inside the 200 stream.
    const server: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.end(
        '{"model":"m","created_at":"x","message":{"role":"assistant","content":"a"},"done":false}\n{"error":"model runner crashed"}\n',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const stream = await new Ollama({ host: url }).chat({ model: 'm', messages: [], stream: true });
    const error = await caught(
      (async () => {
        for await (const _chunk of stream) {
          // read on
        }
      })(),
    );
    expect((error as Error).constructor).toBe(Error);
    const translated = translateError(error, { host: url, path: '/api/chat', afterHeaders: true });
    expect(translated).toMatchObject({
      inStream: true,
      status: 200,
      error: 'model runner crashed',
    });
    await new Promise((resolve) => server.close(resolve));

    simulator.addFault({ path: '/api/chat', status: 500, error: 'boom', times: 1 });
    const busy = await caught(
      new Ollama({ host: simulator.url }).chat({ model: 'qwen3:0.6b', messages: [] }),
    );
    expect(translateError(busy, { host: simulator.url, path: '/api/chat' })).toMatchObject({
      status: 500,
      error: 'boom',
      isRetryable: true,
    });
  });

  it('turns fetch’s TypeError into HostUnreachableError, by stage', async () => {
    const gone = await startSimulator({ models: [] });
    const url = gone.url;
    await gone.close();
    const error = await caught(new Ollama({ host: url }).list());
    expect(translateError(error, { host: url, path: '/api/tags' })).toMatchObject({
      name: 'HostUnreachableError',
      stage: 'connect',
    });
    const dropped = translateError(error, { host: url, path: '/api/chat', afterHeaders: true });
    expect(HostUnreachableError.isInstance(dropped) && dropped.stage).toBe('stream');
  });

  it('maps the stream reader’s own messages', () => {
    const context = { host: 'h', path: '/api/chat', afterHeaders: true };
    expect(
      InvalidResponseError.isInstance(translateError(new Error('Missing body'), context)),
    ).toBe(true);
    expect(
      translateError(new Error('Did not receive done or success response in stream.'), context),
    ).toMatchObject({ name: 'HostUnreachableError', stage: 'stream' });
    expect(
      InvalidResponseError.isInstance(translateError(new SyntaxError('Unexpected token'), context)),
    ).toBe(true);
  });

  it('passes aborts and bugs through unchanged, and prefers the signal’s reason', () => {
    const abort = new DOMException('stop', 'AbortError');
    expect(translateError(abort, { host: 'h', path: '/' })).toBe(abort);
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(translateError(bug, { host: 'h', path: '/' })).toBe(bug);
    const controller = new AbortController();
    const timeout = new TimeoutError({ host: 'h', timeoutMs: 5, phase: 'connect' });
    controller.abort(timeout);
    expect(
      translateError(new Error('anything'), { host: 'h', path: '/', signal: controller.signal }),
    ).toBe(timeout);
  });
});
