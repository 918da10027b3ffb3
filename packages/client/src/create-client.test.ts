import { startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './create-client';
import type { PullProgress } from './pull-progress';

const CHAT = 'qwen3:0.6b';
const VISION = 'gemma3:4b';
const EMBED = 'nomic-embed-text:latest';
const user = (content: string) => [{ role: 'user', content }];

let simulator: Awaited<ReturnType<typeof startSimulator>>;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  simulator = await startSimulator({
    models: [CHAT, VISION, EMBED],
    tokenDelayMs: 0,
    loadDelayMs: 0,
    responseTokens: { min: 8, max: 8 },
  });
  client = createClient({ host: simulator.url });
});
afterAll(() => simulator.close());

describe('createClient against the simulator', () => {
  it('normalises the host as Ollama does', () => {
    expect(createClient({ host: simulator.url.replace('http://', '') }).host).toBe(
      simulator.url.replace(/:(\d+)$/, ':$1'),
    );
    expect(createClient({ host: '0.0.0.0' }).host).toBe('http://127.0.0.1:11434');
  });

  it('reads the version', async () => {
    expect((await client.version()).version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists installed models with digests and details', async () => {
    const { models } = await client.list();
    expect(models.map((model) => model.name).sort()).toEqual([EMBED, VISION, CHAT].sort());
    expect(models[0]?.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows a model', async () => {
    const show = await client.show({ model: CHAT });
    expect(show.capabilities).toContain('completion');
    expect(show.model_info).toBeTypeOf('object');
  });

  it('streams a chat with live timings and the server figures at the end', async () => {
    const stream = await client.chat({
      model: CHAT,
      messages: user('Hi'),
      stream: true,
      think: false,
    });
    let text = '';
    let chunks = 0;
    for await (const chunk of stream) {
      text += chunk.message.content;
      chunks++;
      if (chunks === 3) expect(stream.timings.ttftMs).toBeGreaterThanOrEqual(0);
    }
    expect(text.length).toBeGreaterThan(0);
    expect(stream.final?.done).toBe(true);
    const timings = stream.timings;
    expect(timings.done).toBe(true);
    expect(timings.chunks).toBe(chunks - 1);
    expect(timings.ttftMs).toBeGreaterThanOrEqual(0);
    expect(timings.evalCount).toBe(stream.final?.eval_count);
    expect(timings.evalTokensPerSecond).toBeGreaterThan(0);
    expect(timings.promptEvalCount).toBeGreaterThan(0);
  });

  it('gathers a non-streamed chat like Ollama, with timings', async () => {
    const response = await client.chat({ model: CHAT, messages: user('Hi'), think: true });
    expect(response.done).toBe(true);
    expect(response.message.role).toBe('assistant');
    expect(response.message.content.length).toBeGreaterThan(0);
    expect(response.message.thinking?.length).toBeGreaterThan(0);
    expect(response.timings.ttftMs).toBeGreaterThanOrEqual(0);
    expect(response.timings.evalCount).toBe(response.eval_count);
  });

  it('gathers tool calls, validated in full, streamed or not', async () => {
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'get_weather',
          description: 'Weather for a city',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
          },
        },
      },
    ];
    const question = user('What is the weather in Paris?');
    const response = await client.chat({ model: CHAT, messages: question, tools, think: false });
    expect(response.message.tool_calls?.[0]?.function.name).toBe('get_weather');
    expect(response.message.tool_calls?.[0]?.id).toMatch(/^call_[a-z0-9]{8}$/);
    const stream = await client.chat({
      model: CHAT,
      messages: question,
      tools,
      think: false,
      stream: true,
    });
    const names: string[] = [];
    for await (const chunk of stream) {
      for (const call of chunk.message.tool_calls ?? []) names.push(call.function.name);
    }
    expect(names).toEqual(['get_weather']);
  });

  it('sends images as base64 from bytes', async () => {
    const response = await client.chat({
      model: VISION,
      messages: [
        { role: 'user', content: 'What is this?', images: [new Uint8Array([137, 80, 78, 71])] },
      ],
    });
    expect(response.done).toBe(true);
  });

  it('generates, streamed and not', async () => {
    const stream = await client.generate({ model: CHAT, prompt: 'Hi', stream: true, think: false });
    let text = '';
    for await (const chunk of stream) text += chunk.response;
    expect(text.length).toBeGreaterThan(0);
    const response = await client.generate({ model: CHAT, prompt: 'Hi', think: false });
    expect(response.response.length).toBeGreaterThan(0);
    expect(response.timings.evalCount).toBe(response.eval_count);
  });

  it('embeds (and the legacy embeddings call)', async () => {
    const { embeddings } = await client.embed({ model: EMBED, input: ['a', 'b'] });
    expect(embeddings).toHaveLength(2);
    expect(embeddings[0]?.length).toBeGreaterThan(0);
    const legacy = await client.embeddings({ model: EMBED, prompt: 'a' });
    expect(legacy.embedding.length).toBeGreaterThan(0);
  });

  it('loads and unloads a model', async () => {
    await client.load(CHAT, { keep_alive: '10m' });
    expect((await client.ps()).models.map((model) => model.name)).toContain(CHAT);
    const loaded = (await client.ps()).models.find((model) => model.name === CHAT);
    expect(loaded?.size_vram).toBeGreaterThan(0);
    await client.unload(CHAT);
    expect((await client.ps()).models.map((model) => model.name)).not.toContain(CHAT);
  });

  it('loads an embedding model, which refuses generate', async () => {
    await client.load(EMBED);
    expect(simulator.loaded()).toContain(EMBED);
    await client.unload(EMBED);
  });

  it('pulls with aggregated progress', async () => {
    const seen: PullProgress[] = [];
    const final = await client.pull('llama3.2:1b', {
      onProgress: (progress) => seen.push(progress),
    });
    expect(final.status).toBe('success');
    expect(seen.length).toBeGreaterThan(2);
    const last = seen.at(-1) as PullProgress;
    expect(last.done).toBe(true);
    expect(last.fraction).toBe(1);
    expect(last.totalBytes).toBeGreaterThan(0);
    expect(last.completedBytes).toBe(last.totalBytes);
    for (let index = 1; index < seen.length; index++) {
      expect((seen[index] as PullProgress).completedBytes).toBeGreaterThanOrEqual(
        (seen[index - 1] as PullProgress).completedBytes,
      );
    }
    expect(simulator.installed()).toContain('llama3.2:1b');
  });

  it('copies, creates and deletes', async () => {
    await client.copy({ source: CHAT, destination: 'copy-of-qwen:latest' });
    expect(simulator.installed()).toContain('copy-of-qwen:latest');
    const created = await client.create({
      model: 'pirate:latest',
      from: CHAT,
      system: 'Talk like a pirate.',
    });
    expect(created.status).toBe('success');
    const show = await client.show({ model: 'pirate' });
    expect(show.system).toBe('Talk like a pirate.');
    await client.delete({ model: 'copy-of-qwen:latest' });
    await client.delete({ model: 'pirate:latest' });
    expect(simulator.installed()).not.toContain('copy-of-qwen:latest');
  });

  it('pushes a model', async () => {
    await client.copy({ source: CHAT, destination: 'me/pushed:latest' });
    const final = await client.push('me/pushed:latest');
    expect(final.status).toBe('success');
  });

  it('checks and uploads blobs', async () => {
    const bytes = new TextEncoder().encode('hello blob');
    const digest = await client.uploadBlob(bytes);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await client.hasBlob(digest)).toBe(true);
    expect(await client.hasBlob(`sha256:${'0'.repeat(64)}`)).toBe(false);
  });

  it('reports health without throwing', async () => {
    const health = await client.health();
    expect(health).toMatchObject({ up: true, version: '0.12.6' });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('passes the caller’s headers', async () => {
    const seen: string[] = [];
    const traced = createClient({
      host: simulator.url,
      headers: { 'X-Trace': 'abc' },
      fetch: (input, init) => {
        seen.push(new Headers(init?.headers).get('x-trace') ?? '');
        seen.push(new Headers(init?.headers).get('user-agent') ?? '');
        return fetch(input, init);
      },
    });
    await traced.list();
    expect(seen[0]).toBe('abc');
    expect(seen[1]).toMatch(/^ollamamon-client\/\S+ ollama-js\//);
  });
});
