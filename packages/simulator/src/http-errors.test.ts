import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from './index.js';
import { call } from './test-helpers.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({
    models: [
      'llama3.2:1b',
      'qwen3:0.6b',
      'gemma3:4b',
      'nomic-embed-text:latest',
      'qwen2.5-coder:7b',
    ],
    tokenDelayMs: 0,
    loadDelayMs: 0,
  });
});
afterAll(() => simulator.close());

const post = (path: string, body: unknown) => call(simulator.url, path, { body });

describe('gin framing', () => {
  it('GET and HEAD / say Ollama is running', async () => {
    const get = await call(simulator.url, '/');
    expect([get.status, get.text, get.contentType]).toEqual([
      200,
      'Ollama is running',
      'text/plain',
    ]);
    expect((await call(simulator.url, '/', { method: 'HEAD' })).status).toBe(200);
  });

  it('HEAD works on /api/tags and /api/version, GET on /api/status', async () => {
    expect((await call(simulator.url, '/api/tags', { method: 'HEAD' })).status).toBe(200);
    expect((await call(simulator.url, '/api/version', { method: 'HEAD' })).status).toBe(200);
    expect((await call(simulator.url, '/api/status')).json).toEqual({
      cloud: { disabled: false, source: 'none' },
    });
  });

  it('unknown paths give 404 "404 page not found" as text/plain', async () => {
    const response = await call(simulator.url, '/api/nothing');
    expect([response.status, response.text, response.contentType]).toEqual([
      404,
      '404 page not found',
      'text/plain',
    ]);
  });

  it('known paths with the wrong method give 405 "405 method not allowed"', async () => {
    for (const [method, path] of [
      ['GET', '/api/chat'],
      ['POST', '/api/tags'],
      ['HEAD', '/api/ps'],
      ['GET', '/api/delete'],
      ['GET', `/api/blobs/sha256:${'0'.repeat(64)}`],
    ] as const) {
      const response = await call(simulator.url, path, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
      if (method !== 'HEAD') expect(response.text).toBe('405 method not allowed');
    }
  });

  it('errors are {"error"} JSON with charset', async () => {
    const response = await post('/api/show', { model: 'missing' });
    expect(response.contentType).toBe('application/json; charset=utf-8');
    expect(response.json).toEqual({ error: "model 'missing:latest' not found" });
  });
});

describe('request bodies', () => {
  const endpoints = [
    '/api/generate',
    '/api/chat',
    '/api/show',
    '/api/pull',
    '/api/push',
    '/api/create',
    '/api/copy',
    '/api/embed',
    '/api/embeddings',
  ];

  it('an empty body is 400 "missing request body" everywhere', async () => {
    for (const path of endpoints) {
      const response = await call(simulator.url, path, { method: 'POST', raw: '' });
      expect([path, response.status, response.json]).toEqual([
        path,
        400,
        { error: 'missing request body' },
      ]);
    }
    const deletion = await call(simulator.url, '/api/delete', { method: 'DELETE', raw: '' });
    expect(deletion.json).toEqual({ error: 'missing request body' });
  });

  it('malformed JSON gives Go decoder messages', async () => {
    const cases: Array<[string, string]> = [
      ['x', "invalid character 'x' looking for beginning of value"],
      ['{"model":', 'unexpected EOF'],
      ['{"model" 1}', "invalid character '1' after object key"],
      ['{"model":"a" "b"}', "invalid character '\"' after object key:value pair"],
      ['{model:1}', "invalid character 'm' looking for beginning of object key string"],
      ['[1,2', 'unexpected EOF'],
      ['{"a":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ];
    for (const [raw, message] of cases) {
      const response = await call(simulator.url, '/api/chat', { method: 'POST', raw });
      expect([raw, response.status, response.json?.error]).toEqual([raw, 400, message]);
    }
  });

  it('a wrong field type gives "cannot unmarshal"', async () => {
    expect((await post('/api/chat', { model: 1 })).json.error).toBe(
      'json: cannot unmarshal number into Go struct field ChatRequest.model of type string',
    );
    expect((await post('/api/generate', { model: 'llama3.2:1b', stream: 'yes' })).json.error).toBe(
      'json: cannot unmarshal string into Go struct field GenerateRequest.stream of type bool',
    );
    expect((await post('/api/chat', [])).json.error).toBe(
      'json: cannot unmarshal array into Go value of type api.ChatRequest',
    );
  });

  it('keep_alive, think and top_logprobs are checked', async () => {
    const base = { model: 'qwen3:0.6b', prompt: 'hi' };
    expect((await post('/api/generate', { ...base, keep_alive: '5' })).json).toEqual({
      error: 'time: missing unit in duration "5"',
    });
    expect((await post('/api/generate', { ...base, keep_alive: true })).json).toEqual({
      error: "Unsupported type: 'bool'",
    });
    expect((await post('/api/generate', { ...base, think: 'x' })).json.error).toBe(
      'invalid think value: "x" (must be "high", "medium", "low", "max", true, or false)',
    );
    expect((await post('/api/generate', { ...base, think: 1 })).json.error).toBe(
      'think must be a boolean or string ("high", "medium", "low", "max", true, or false)',
    );
    expect((await post('/api/chat', { model: 'qwen3:0.6b', top_logprobs: 21 })).json.error).toBe(
      'top_logprobs must be between 0 and 20',
    );
  });

  it('a wrongly typed option is a 500', async () => {
    const response = await post('/api/generate', {
      model: 'llama3.2:1b',
      prompt: 'hi',
      options: { temperature: 'hot' },
    });
    expect([response.status, response.json]).toEqual([
      500,
      { error: 'option "temperature" must be of type float32' },
    ]);
    const stop = await post('/api/generate', {
      model: 'llama3.2:1b',
      prompt: 'hi',
      options: { stop: [1] },
    });
    expect(stop.json).toEqual({ error: 'option "stop" must be of an array of strings' });
  });
});

describe('generate errors', () => {
  it('model errors', async () => {
    expect(await post('/api/generate', { prompt: 'x' })).toMatchObject({
      status: 404,
      json: { error: "model '' not found" },
    });
    expect(await post('/api/generate', { model: 'bad name!' })).toMatchObject({
      status: 400,
      json: { error: 'invalid model name' },
    });
    expect(await post('/api/generate', { model: 'nope' })).toMatchObject({
      status: 404,
      json: { error: "model 'nope' not found" },
    });
    expect(await post('/api/generate', { model: 'llama3.2:1b:cloud' })).toMatchObject({
      status: 404,
    });
    expect(await post('/api/generate', { model: 'x:cloud:local' })).toMatchObject({
      status: 400,
      json: { error: 'use either :local or :cloud, not both: "x:cloud:local"' },
    });
  });

  it('capability errors', async () => {
    expect(
      await post('/api/generate', { model: 'llama3.2:1b', prompt: 'x', think: true }),
    ).toMatchObject({
      status: 400,
      json: { error: '"llama3.2:1b" does not support thinking' },
    });
    expect(await post('/api/generate', { model: 'nomic-embed-text', prompt: 'x' })).toMatchObject({
      status: 400,
      json: { error: '"nomic-embed-text" does not support generate' },
    });
    expect(
      await post('/api/generate', { model: 'llama3.2:1b', prompt: 'x', suffix: 'y' }),
    ).toMatchObject({
      status: 400,
      json: { error: 'registry.ollama.ai/library/llama3.2:1b does not support insert' },
    });
    expect(
      (
        await post('/api/generate', {
          model: 'qwen2.5-coder:7b',
          prompt: 'x',
          suffix: 'y',
          stream: false,
        })
      ).status,
    ).toBe(200);
    expect(
      await post('/api/generate', { model: 'llama3.2:1b', prompt: 'x', raw: true, system: 's' }),
    ).toMatchObject({
      status: 400,
      json: { error: 'raw mode does not support template, system, or context' },
    });
  });
});

describe('chat errors', () => {
  it('model and capability errors', async () => {
    expect(await post('/api/chat', { messages: [] })).toMatchObject({
      status: 400,
      json: { error: 'model is required' },
    });
    expect(await post('/api/chat', { model: '!' })).toMatchObject({
      status: 400,
      json: { error: 'invalid model name' },
    });
    expect(await post('/api/chat', { model: 'nope:1b' })).toMatchObject({
      status: 404,
      json: { error: "model 'nope:1b' not found" },
    });
    const messages = [{ role: 'user', content: 'x' }];
    expect(await post('/api/chat', { model: 'nomic-embed-text', messages })).toMatchObject({
      status: 400,
      json: { error: '"nomic-embed-text" does not support chat' },
    });
    const tools = [
      { type: 'function', function: { name: 'f', parameters: { type: 'object', properties: {} } } },
    ];
    expect(await post('/api/chat', { model: 'gemma3:4b', messages, tools })).toMatchObject({
      status: 400,
      json: { error: 'registry.ollama.ai/library/gemma3:4b does not support tools' },
    });
    expect(await post('/api/chat', { model: 'gemma3:4b', messages, think: 'high' })).toMatchObject({
      status: 400,
      json: { error: '"gemma3:4b" does not support thinking' },
    });
    expect(
      await post('/api/chat', {
        model: 'gemma3:4b',
        messages: [{ role: 'user', content: 'x', images: ['not base64!'] }],
      }),
    ).toMatchObject({
      status: 400,
      json: { error: 'illegal base64 data at input byte 3' },
    });
  });
});

describe('embed errors', () => {
  it('embed', async () => {
    expect(await post('/api/embed', { model: 'nomic-embed-text', input: 5 })).toMatchObject({
      status: 400,
      json: { error: 'invalid input type' },
    });
    expect(await post('/api/embed', { input: 'x' })).toMatchObject({
      status: 404,
      json: { error: "model '' not found" },
    });
    expect(await post('/api/embed', { model: 'nope', input: 'x' })).toMatchObject({
      status: 404,
      json: { error: 'model "nope" not found, try pulling it first' },
    });
    expect(await post('/api/embed', { model: 'nomic-embed-text', input: [] })).toMatchObject({
      status: 200,
      json: { model: 'nomic-embed-text', embeddings: [] },
    });
    const long = 'word '.repeat(3000);
    expect(
      await post('/api/embed', { model: 'nomic-embed-text', input: long, truncate: false }),
    ).toMatchObject({
      status: 400,
      json: { error: 'the input length exceeds the context length' },
    });
    expect((await post('/api/embed', { model: 'nomic-embed-text', input: long })).status).toBe(200);
  });

  it('embeddings (legacy)', async () => {
    expect(await post('/api/embeddings', { prompt: 'x' })).toMatchObject({
      status: 400,
      json: { error: 'model is required' },
    });
    expect(await post('/api/embeddings', { model: 'nope', prompt: 'x' })).toMatchObject({
      status: 404,
      json: { error: 'model "nope" not found, try pulling it first' },
    });
    expect(await post('/api/embeddings', { model: 'nomic-embed-text', prompt: '' })).toMatchObject({
      status: 200,
      json: { embedding: [] },
    });
  });
});

describe('show', () => {
  it('finds names case-insensitively and keeps long arrays out unless verbose', async () => {
    const plain = await post('/api/show', { model: 'LLAMA3.2:1B' });
    expect(plain.status).toBe(200);
    expect(plain.json.model_info['tokenizer.ggml.tokens']).toEqual([]);
    expect(plain.json.tensors).toBeUndefined();
    const verbose = await post('/api/show', { model: 'llama3.2:1b', verbose: true });
    expect(verbose.json.model_info['tokenizer.ggml.tokens'].length).toBeGreaterThan(5);
    expect(verbose.json.tensors[0]).toMatchObject({
      name: 'token_embd.weight',
      shape: [2048, 128256],
    });
  });

  it('reports what a memory estimate needs for each architecture', async () => {
    for (const [model, arch, blocks, kv] of [
      ['llama3.2:1b', 'llama', 16, 8],
      ['qwen3:0.6b', 'qwen3', 28, 8],
      ['gemma3:4b', 'gemma3', 34, 4],
      ['nomic-embed-text', 'nomic-bert', 12, undefined],
    ] as const) {
      const info = (await post('/api/show', { model })).json.model_info;
      expect(info['general.architecture']).toBe(arch);
      expect(info[`${arch}.block_count`]).toBe(blocks);
      expect(info[`${arch}.attention.head_count_kv`]).toBe(kv);
      expect(info[`${arch}.embedding_length`]).toBeGreaterThan(0);
      expect(info[`${arch}.attention.head_count`]).toBeGreaterThan(0);
      expect(info[`${arch}.context_length`]).toBeGreaterThan(0);
    }
  });

  it('applies the system and options of the request to what it shows', async () => {
    const shown = await post('/api/show', {
      model: 'llama3.2:1b',
      system: 'Pirate.',
      options: { num_ctx: 8192 },
    });
    expect(shown.json.system).toBe('Pirate.');
    expect(shown.json.parameters).toContain(`${'num_ctx'.padEnd(30)} 8192`);
    expect(shown.json.modelfile).toContain('PARAMETER num_ctx 8192');
  });
});

describe('model management errors', () => {
  it('show', async () => {
    expect(await post('/api/show', {})).toMatchObject({
      status: 400,
      json: { error: 'model is required' },
    });
    expect(await post('/api/show', { model: 'a b' })).toMatchObject({
      status: 400,
      json: { error: 'invalid model name' },
    });
    expect(await post('/api/show', { name: 'Foo' })).toMatchObject({
      status: 404,
      json: { error: "model 'Foo:latest' not found" },
    });
  });

  it('copy', async () => {
    expect(await post('/api/copy', { source: '', destination: 'x' })).toMatchObject({
      status: 400,
      json: { error: 'source "" is invalid' },
    });
    expect(await post('/api/copy', { source: 'llama3.2:1b', destination: 'a b' })).toMatchObject({
      status: 400,
      json: { error: 'destination "a b" is invalid' },
    });
    expect(await post('/api/copy', { source: 'nope', destination: 'x' })).toMatchObject({
      status: 404,
      json: { error: 'model "nope" not found' },
    });
    const ok = await post('/api/copy', { source: 'llama3.2:1b', destination: 'my-llama' });
    expect([ok.status, ok.text]).toEqual([200, '']);
  });

  it('delete', async () => {
    const remove = (body: unknown) =>
      call(simulator.url, '/api/delete', { method: 'DELETE', body });
    expect(await remove({})).toMatchObject({ status: 400, json: { error: 'model is required' } });
    expect(await remove({ model: 'a b' })).toMatchObject({
      status: 400,
      json: { error: 'name "a b" is invalid' },
    });
    expect(await remove({ model: 'gone' })).toMatchObject({
      status: 404,
      json: { error: "model 'gone' not found" },
    });
    await post('/api/copy', { source: 'llama3.2:1b', destination: 'to-delete' });
    const ok = await remove({ name: 'to-delete' });
    expect([ok.status, ok.text]).toEqual([200, '']);
  });

  it('pull', async () => {
    expect(await post('/api/pull', {})).toMatchObject({
      status: 400,
      json: { error: 'invalid model name' },
    });
    const streamed = await post('/api/pull', { model: 'not-in-registry' });
    expect(streamed.status).toBe(200);
    expect(streamed.contentType).toBe('application/x-ndjson');
    expect(streamed.lines).toEqual([
      { status: 'pulling manifest' },
      { error: 'pull model manifest: file does not exist' },
    ]);
    expect(await post('/api/pull', { model: 'not-in-registry', stream: false })).toMatchObject({
      status: 500,
      json: { error: 'pull model manifest: file does not exist' },
    });
    expect(
      await post('/api/pull', { model: 'http://example.com/a/b:c', stream: false }),
    ).toMatchObject({
      status: 500,
      json: { error: 'insecure protocol http' },
    });
  });

  it('push', async () => {
    expect(await post('/api/push', {})).toMatchObject({
      status: 400,
      json: { error: 'model is required' },
    });
    const streamed = await post('/api/push', { model: 'me/nothing' });
    expect(streamed.lines).toEqual([
      { status: 'retrieving manifest' },
      { status: "couldn't retrieve manifest" },
      {
        error:
          'open /usr/share/ollama/.ollama/models/manifests/registry.ollama.ai/me/nothing/latest: no such file or directory',
      },
    ]);
  });

  it('create', async () => {
    expect(await post('/api/create', { model: 'x' })).toMatchObject({
      status: 400,
      json: { error: "neither 'from' or 'files' was specified" },
    });
    expect(
      await post('/api/create', { model: 'x', files: { '/abs.gguf': 'sha256:1' } }),
    ).toMatchObject({
      status: 400,
      json: { error: 'file path must be relative' },
    });
    expect(await post('/api/create', { model: 'x', files: { 'a.gguf': '' } })).toMatchObject({
      status: 400,
      json: { error: 'invalid digest format' },
    });
    expect(await post('/api/create', { model: 'a b', from: 'llama3.2:1b' })).toMatchObject({
      status: 400,
      json: { error: 'invalid model name' },
    });
    expect(
      await post('/api/create', { model: 'x', from: 'llama3.2:1b', quantize: 'q4_K_M' }),
    ).toMatchObject({
      status: 400,
      json: { error: 'quantization is only supported for F16 and F32 models' },
    });
    expect(
      await post('/api/create', { model: 'x', from: 'llama3.2:1b', template: '{{ .Prompt }' }),
    ).toMatchObject({
      status: 400,
    });
    const missing = await post('/api/create', { model: 'x', from: 'nobody/nothing' });
    expect(missing.lines).toEqual([
      { status: 'pulling manifest' },
      { error: 'pull model manifest: file does not exist' },
    ]);
  });
});
