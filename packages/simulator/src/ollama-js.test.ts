import { Ollama } from 'ollama';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Simulator, startSimulator } from './index.js';

let simulator: Simulator;
let ollama: Ollama;

beforeAll(async () => {
  simulator = await startSimulator({
    models: ['qwen3:0.6b', 'llama3.2:1b', 'gemma3:4b', 'nomic-embed-text:latest'],
    tokenDelayMs: 0,
    loadDelayMs: 0,
  });
  ollama = new Ollama({ host: simulator.url });
  // ollama-js logs "Getting text from response" on error responses (toolchain P16).
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(() => simulator.close());

async function failure(
  promise: Promise<unknown>,
): Promise<{ name: string; status_code: number; error: string }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { name: string; status_code: number; error: string }) => error,
  );
}

describe('the official ollama package against the simulator', () => {
  it('version()', async () => {
    expect(await ollama.version()).toEqual({ version: '0.12.6' });
  });

  it('list() gives Ollama-shaped models, newest first', async () => {
    const { models } = await ollama.list();
    expect(models.map((model) => model.name)).toEqual([
      'nomic-embed-text:latest',
      'gemma3:4b',
      'llama3.2:1b',
      'qwen3:0.6b',
    ]);
    const llama = models.find((model) => model.name === 'llama3.2:1b');
    expect(llama).toMatchObject({
      model: 'llama3.2:1b',
      size: 1_321_098_329,
      details: {
        format: 'gguf',
        family: 'llama',
        parameter_size: '1.2B',
        quantization_level: 'Q8_0',
      },
    });
    expect(llama?.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('show() gives modelfile, parameters, template, details, model_info and capabilities', async () => {
    const show = await ollama.show({ model: 'qwen3:0.6b' });
    expect(show.modelfile).toContain('# FROM qwen3:0.6b');
    expect(show.parameters).toContain(`${'temperature'.padEnd(30)} 0.6`);
    expect(show.template).toContain('<|im_start|>');
    expect(show.details.family).toBe('qwen3');
    const info = show.model_info as unknown as Record<string, unknown>;
    expect(info['general.architecture']).toBe('qwen3');
    expect(info['qwen3.block_count']).toBe(28);
    expect(info['qwen3.attention.head_count_kv']).toBe(8);
    expect(show.capabilities).toEqual(['completion', 'tools', 'thinking']);
  });

  it('show() of a missing model throws ResponseError 404', async () => {
    const error = await failure(ollama.show({ model: 'missing' }));
    expect(error.name).toBe('ResponseError');
    expect(error.status_code).toBe(404);
    expect(error.error).toBe("model 'missing:latest' not found");
  });

  it('chat() without streaming', async () => {
    const response = await ollama.chat({
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'Why is the sky blue?' }],
      options: { seed: 7 },
    });
    expect(response.message.role).toBe('assistant');
    expect(response.message.content.length).toBeGreaterThan(10);
    expect(response.done).toBe(true);
    expect(response.done_reason).toBe('stop');
    expect(response.eval_count).toBeGreaterThan(0);
    expect(response.total_duration).toBeGreaterThan(0);
  });

  it('chat() streamed, with thinking', async () => {
    const stream = await ollama.chat({
      model: 'qwen3:0.6b',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true,
    });
    let content = '';
    let thinking = '';
    let last: { done: boolean; eval_count: number } | undefined;
    for await (const chunk of stream) {
      content += chunk.message.content;
      thinking += chunk.message.thinking ?? '';
      last = chunk;
    }
    expect(thinking).toMatch(/^Okay/);
    expect(content.length).toBeGreaterThan(0);
    expect(last?.done).toBe(true);
  });

  it('chat() streamed and aborted ends with an AbortError', async () => {
    const slow = await startSimulator({
      models: ['llama3.2:1b'],
      tokenDelayMs: 20,
      loadDelayMs: 0,
      responseTokens: { min: 200, max: 200 },
    });
    try {
      const client = new Ollama({ host: slow.url });
      const stream = await client.chat({
        model: 'llama3.2:1b',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      });
      const seen: string[] = [];
      const reading = (async () => {
        for await (const chunk of stream) {
          seen.push(chunk.message.content);
          if (seen.length === 2) stream.abort();
        }
      })();
      await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
      // Lines already in the client's buffer may still arrive, but far fewer than the answer has.
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(seen.length).toBeLessThan(100);
    } finally {
      await slow.close();
    }
  });

  it('chat() with a missing model throws ResponseError 404', async () => {
    const error = await failure(
      ollama.chat({ model: 'nope', messages: [{ role: 'user', content: 'x' }] }),
    );
    expect(error.status_code).toBe(404);
    expect(error.error).toBe("model 'nope' not found");
  });

  it('generate() streamed and not', async () => {
    const whole = await ollama.generate({
      model: 'llama3.2:1b',
      prompt: 'Tell me about llamas',
      options: { seed: 3 },
    });
    const stream = await ollama.generate({
      model: 'llama3.2:1b',
      prompt: 'Tell me about llamas',
      options: { seed: 3 },
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.response;
    expect(text).toBe(whole.response);
    expect(whole.context?.length).toBe((whole.prompt_eval_count ?? 0) + whole.eval_count);
  });

  it('embed() and embeddings()', async () => {
    const embed = await ollama.embed({ model: 'nomic-embed-text', input: ['a', 'b'] });
    expect(embed.embeddings).toHaveLength(2);
    expect(embed.embeddings[0]).toHaveLength(768);
    const norm = Math.hypot(...(embed.embeddings[0] as number[]));
    expect(norm).toBeCloseTo(1, 6);
    const legacy = await ollama.embeddings({ model: 'nomic-embed-text', prompt: 'a' });
    expect(legacy.embedding).toHaveLength(768);
  });

  it('ps() lists loaded models with size_vram and expires_at', async () => {
    await ollama.generate({ model: 'llama3.2:1b', prompt: '' });
    const { models } = await ollama.ps();
    const llama = models.find((model) => model.name === 'llama3.2:1b');
    expect(llama?.size_vram).toBe(llama?.size);
    expect(new Date(llama?.expires_at as unknown as string).getTime()).toBeGreaterThan(Date.now());
  });

  it('pull() streamed reports progress in order, and not streamed returns success', async () => {
    const stream = await ollama.pull({ model: 'llama3.1:8b', stream: true });
    const statuses: string[] = [];
    for await (const progress of stream) statuses.push(progress.status);
    expect(statuses[0]).toBe('pulling manifest');
    expect(statuses.slice(-3)).toEqual(['verifying sha256 digest', 'writing manifest', 'success']);
    expect(statuses.some((status) => /^pulling [0-9a-f]{12}$/.test(status))).toBe(true);
    expect(await ollama.pull({ model: 'mistral' })).toEqual({ status: 'success' });
    expect(simulator.installed()).toContain('mistral:latest');
  });

  it('push() streamed and not', async () => {
    const stream = await ollama.push({ model: 'llama3.2:1b', stream: true });
    const statuses: string[] = [];
    for await (const progress of stream) statuses.push(progress.status);
    expect(statuses[0]).toBe('retrieving manifest');
    expect(statuses.slice(-2)).toEqual(['pushing manifest', 'success']);
    expect(await ollama.push({ model: 'llama3.2:1b' })).toEqual({ status: 'success' });
  });

  it('create() streamed reports statuses ending in success', async () => {
    const stream = await ollama.create({
      model: 'brief',
      from: 'qwen3:0.6b',
      system: 'Be brief.',
      stream: true,
    });
    const statuses: string[] = [];
    for await (const progress of stream) statuses.push(progress.status);
    expect(statuses.at(-2)).toBe('writing manifest');
    expect(statuses.at(-1)).toBe('success');
  });

  it('missing models: ResponseError 404 from generate and embed, a plain Error from a streamed pull', async () => {
    const generateError = await failure(ollama.generate({ model: 'ghost', prompt: 'x' }));
    expect([generateError.name, generateError.status_code, generateError.error]).toEqual([
      'ResponseError',
      404,
      "model 'ghost' not found",
    ]);
    const embedError = await failure(ollama.embed({ model: 'ghost', input: 'x' }));
    expect([embedError.status_code, embedError.error]).toEqual([
      404,
      'model "ghost" not found, try pulling it first',
    ]);
    const stream = await ollama.pull({ model: 'ghost', stream: true });
    const reading = (async () => {
      for await (const _progress of stream) {
        // the first line is "pulling manifest", then the error line
      }
    })();
    await expect(reading).rejects.toThrow('pull model manifest: file does not exist');
  });

  it('abort() stops every open stream', async () => {
    const slow = await startSimulator({
      models: ['llama3.2:1b'],
      tokenDelayMs: 20,
      loadDelayMs: 0,
    });
    try {
      const client = new Ollama({ host: slow.url });
      const first = await client.generate({ model: 'llama3.2:1b', prompt: 'a', stream: true });
      const second = await client.generate({ model: 'llama3.2:1b', prompt: 'b', stream: true });
      client.abort();
      for (const stream of [first, second]) {
        await expect(
          (async () => {
            for await (const _chunk of stream) {
              // aborted
            }
          })(),
        ).rejects.toMatchObject({ name: 'AbortError' });
      }
    } finally {
      await slow.close();
    }
  });

  it('create(), copy() and delete()', async () => {
    const created = await ollama.create({
      model: 'pirate',
      from: 'llama3.2:1b',
      system: 'You are a pirate.',
      parameters: { temperature: 0.2 },
    });
    expect(created).toEqual({ status: 'success' });
    const show = await ollama.show({ model: 'pirate' });
    expect(show.system).toBe('You are a pirate.');
    expect(show.parameters).toContain(`${'temperature'.padEnd(30)} 0.2`);
    expect(await ollama.copy({ source: 'pirate', destination: 'pirate-copy' })).toEqual({
      status: 'success',
    });
    expect(await ollama.delete({ model: 'pirate-copy' })).toEqual({ status: 'success' });
    const error = await failure(ollama.delete({ model: 'pirate-copy' }));
    expect(error.status_code).toBe(404);
  });
});
