import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from './index.js';
import { call } from './test-helpers.js';
import { countTokens } from './tokenize.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({
    models: ['llama3.2:1b', 'qwen3:0.6b', 'gemma3:4b', 'deepseek-r1:7b'],
    tokenDelayMs: 0,
    loadDelayMs: 0,
  });
});
afterAll(() => simulator.close());

const generate = (body: Record<string, unknown>) =>
  call(simulator.url, '/api/generate', {
    body: { model: 'llama3.2:1b', prompt: 'Why is the sky blue?', stream: false, ...body },
  });
const chat = (body: Record<string, unknown>) =>
  call(simulator.url, '/api/chat', {
    body: {
      model: 'qwen3:0.6b',
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      stream: false,
      ...body,
    },
  });

describe('determinism', () => {
  it('the same seed gives the same text; another seed another text', async () => {
    const a = await generate({ options: { seed: 42 } });
    const b = await generate({ options: { seed: 42 } });
    const c = await generate({ options: { seed: 43 } });
    expect(a.json.response).toBe(b.json.response);
    expect(c.json.response).not.toBe(a.json.response);
  });

  it('temperature 0 is deterministic without a seed', async () => {
    const a = await generate({ options: { temperature: 0 } });
    const b = await generate({ options: { temperature: 0 } });
    expect(a.json.response).toBe(b.json.response);
  });

  it('without seed or temperature 0 answers vary', async () => {
    const answers = new Set<string>();
    for (let index = 0; index < 4; index++) answers.add((await generate({})).json.response);
    expect(answers.size).toBeGreaterThan(1);
  });
});

describe('num_predict and stop', () => {
  it('num_predict caps the tokens and gives done_reason length', async () => {
    const response = await generate({ options: { seed: 1, num_predict: 5 } });
    expect(response.json.eval_count).toBe(5);
    expect(response.json.done_reason).toBe('length');
    expect(countTokens(response.json.response)).toBe(5);
  });

  it('stop ends the answer before the stop sequence', async () => {
    const full = (await generate({ options: { seed: 9 } })).json.response as string;
    const words = full.split(' ');
    const stopWord = ` ${words[5]}`;
    const cut = full.slice(0, full.indexOf(stopWord));
    const stopped = await generate({ options: { seed: 9, stop: [stopWord, 'never-there'] } });
    expect(stopped.json.response).toBe(cut);
    expect(stopped.json.done_reason).toBe('stop');
    expect(stopped.json.eval_count).toBe(countTokens(cut));
  });

  it('a model parameter stop applies too, and the request can override it', async () => {
    await call(simulator.url, '/api/create', {
      body: { model: 'stopper', from: 'llama3.2:1b', parameters: { stop: ['.'] }, stream: false },
    });
    const response = await call(simulator.url, '/api/generate', {
      body: { model: 'stopper', prompt: 'hi', stream: false, options: { seed: 1 } },
    });
    expect(response.json.response).not.toContain('.');
  });
});

describe('counts and durations', () => {
  it('eval_count equals the streamed tokens and durations are consistent with wall time', async () => {
    const slow = await startSimulator({ models: ['llama3.2:1b'], tokenDelayMs: 2, loadDelayMs: 5 });
    try {
      const started = process.hrtime.bigint();
      const response = await call(slow.url, '/api/generate', {
        body: { model: 'llama3.2:1b', prompt: 'Count the tokens please', options: { seed: 2 } },
      });
      const wallNs = Number(process.hrtime.bigint() - started);
      const chunks = response.lines as Array<Record<string, number | string | boolean>>;
      const final = chunks.at(-1) as {
        eval_count: number;
        prompt_eval_count: number;
        total_duration: number;
        load_duration: number;
        prompt_eval_duration: number;
        eval_duration: number;
        created_at: string;
      };
      const text = chunks
        .slice(0, -1)
        .map((chunk) => chunk.response)
        .join('');
      expect(final.eval_count).toBe(chunks.length - 1);
      expect(countTokens(text)).toBe(final.eval_count);
      expect(final.prompt_eval_count).toBeGreaterThan(countTokens('Count the tokens please'));
      for (const key of [
        'total_duration',
        'load_duration',
        'prompt_eval_duration',
        'eval_duration',
      ]) {
        const value = final[key as keyof typeof final];
        expect(Number.isInteger(value), key).toBe(true);
        expect(value, key).toBeGreaterThan(0);
      }
      expect(final.total_duration).toBeLessThanOrEqual(wallNs);
      expect(final.total_duration).toBeGreaterThanOrEqual(
        final.load_duration + final.prompt_eval_duration + final.eval_duration,
      );
      expect(final.eval_duration).toBeGreaterThanOrEqual(final.eval_count * 2e6 * 0.9);
      expect(final.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
    } finally {
      await slow.close();
    }
  });

  it('tokensPerSecond and promptTokensPerSecond set the rates the metrics report', async () => {
    const paced = await startSimulator({
      models: ['llama3.2:1b'],
      tokensPerSecond: 400,
      promptTokensPerSecond: 2000,
      loadDelayMs: 0,
      responseTokens: { min: 40, max: 40 },
    });
    try {
      const { json } = await call(paced.url, '/api/generate', {
        body: { model: 'llama3.2:1b', prompt: 'rates', stream: false, options: { seed: 1 } },
      });
      expect(json.eval_count / (json.eval_duration / 1e9)).toBeLessThanOrEqual(400);
      expect(json.prompt_eval_count / (json.prompt_eval_duration / 1e9)).toBeLessThanOrEqual(2000);
    } finally {
      await paced.close();
    }
  });

  it('realisticRates: a bigger model, and a model spilled to CPU, generate more slowly', async () => {
    const realistic = await startSimulator({
      models: ['qwen3:0.6b', 'llama3.1:8b'],
      realisticRates: true,
      loadDelayMs: 0,
      vramBytes: 2 * 2 ** 30,
      responseTokens: { min: 10, max: 10 },
    });
    try {
      const rate = async (model: string) => {
        const { json } = await call(realistic.url, '/api/generate', {
          body: { model, prompt: 'speed', stream: false, think: false, keep_alive: 0 },
        });
        return json.eval_count / (json.eval_duration / 1e9);
      };
      const small = await rate('qwen3:0.6b');
      const spilled = await rate('llama3.1:8b');
      expect(small).toBeLessThanOrEqual(300);
      expect(spilled).toBeLessThan(small / 4);
    } finally {
      await realistic.close();
    }
  });

  it('streamed and non-streamed answers agree, and every chunk is Ollama-shaped', async () => {
    const whole = await chat({ options: { seed: 5 } });
    const streamed = await chat({ options: { seed: 5 }, stream: true });
    const chunks = streamed.lines as Array<{
      model: string;
      message: { role: string; content: string; thinking?: string };
      done: boolean;
    }>;
    expect(
      chunks.every((chunk) => chunk.model === 'qwen3:0.6b' && chunk.message.role === 'assistant'),
    ).toBe(true);
    expect(chunks.slice(0, -1).every((chunk) => chunk.done === false)).toBe(true);
    expect(chunks.map((chunk) => chunk.message.content).join('')).toBe(whole.json.message.content);
    expect(chunks.map((chunk) => chunk.message.thinking ?? '').join('')).toBe(
      whole.json.message.thinking,
    );
    expect(chunks.at(-1)).toMatchObject({
      done: true,
      done_reason: 'stop',
      message: { content: '' },
    });
  });
});

describe('thinking', () => {
  it('a thinking model thinks by default, in thinking chunks before the content', async () => {
    const response = await chat({});
    expect(response.json.message.thinking).toMatch(/^Okay, the user is asking about/);
    expect(response.json.message.content.length).toBeGreaterThan(0);
  });

  it('think false turns it off; generate reports thinking in its own field', async () => {
    expect((await chat({ think: false })).json.message.thinking).toBeUndefined();
    const generated = await generate({ model: 'deepseek-r1:7b', think: true });
    expect(generated.json.thinking.length).toBeGreaterThan(0);
    const streamed = await generate({ model: 'deepseek-r1:7b', stream: true });
    const first = streamed.lines[0] as Record<string, unknown>;
    expect(first).toMatchObject({ response: '', done: false });
    expect(typeof first.thinking).toBe('string');
  });
});

describe('tools', () => {
  const tools = [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Get the weather for a city',
        parameters: {
          type: 'object',
          required: ['city'],
          properties: {
            city: { type: 'string', description: 'The city' },
            unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
            days: { type: 'integer', minimum: 1, maximum: 7 },
          },
        },
      },
    },
    {
      type: 'function',
      function: { name: 'other_tool', parameters: { type: 'object', properties: {} } },
    },
  ];

  it('calls the tool the user names with arguments that fit its schema', async () => {
    const response = await chat({
      tools,
      think: false,
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
    });
    const [toolCall] = response.json.message.tool_calls;
    expect(toolCall.id).toMatch(/^call_[a-z0-9]{8}$/);
    expect(toolCall.function.index).toBe(0);
    expect(toolCall.function.name).toBe('get_weather');
    expect(toolCall.function.arguments.city).toBe('Paris');
    expect(['celsius', 'fahrenheit']).toContain(toolCall.function.arguments.unit);
    expect(toolCall.function.arguments.days).toBeGreaterThanOrEqual(1);
    expect(toolCall.function.arguments.days).toBeLessThanOrEqual(7);
    expect(response.json.message.content).toBe('');
    expect(response.json.eval_count).toBeGreaterThan(0);
  });

  it('streams the tool call whole in one chunk', async () => {
    const response = await chat({ tools, think: false, stream: true });
    const withCalls = (
      response.lines as Array<{ message: { tool_calls?: unknown[]; content: string } }>
    ).filter((chunk) => chunk.message.tool_calls);
    expect(withCalls).toHaveLength(1);
    expect(withCalls[0]?.message.content).toBe('');
  });

  it('answers from a tool result', async () => {
    const response = await chat({
      tools,
      think: false,
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }],
        },
        { role: 'tool', tool_name: 'get_weather', content: '18 degrees and sunny' },
      ],
    });
    expect(response.json.message.tool_calls).toBeUndefined();
    expect(response.json.message.content).toContain('18 degrees and sunny');
  });
});

describe('format', () => {
  it('"json" gives valid JSON', async () => {
    const response = await generate({ format: 'json' });
    expect(() => JSON.parse(response.json.response)).not.toThrow();
  });

  it('a JSON schema gives JSON that satisfies it', async () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        age: { type: 'integer', minimum: 0, maximum: 120 },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
        kind: { enum: ['a', 'b'] },
        nested: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
      },
      required: ['name', 'age', 'tags', 'kind', 'nested'],
    };
    const response = await chat({ format: schema, think: false });
    const value = JSON.parse(response.json.message.content);
    expect(typeof value.name).toBe('string');
    expect(Number.isInteger(value.age) && value.age >= 0 && value.age <= 120).toBe(true);
    expect(value.tags.length).toBeGreaterThanOrEqual(2);
    expect(['a', 'b']).toContain(value.kind);
    expect(typeof value.nested.ok).toBe('boolean');
  });

  it('an invalid format is an error', async () => {
    const response = await generate({ format: 'xml' });
    expect(response.json).toEqual({
      error: 'invalid format: "\\"xml\\""; expected "json" or a valid JSON Schema object',
    });
  });
});

describe('images', () => {
  it('accepts base64 images and counts them in the prompt', async () => {
    const image = Buffer.from('fake image bytes').toString('base64');
    const plain = await chat({
      model: 'gemma3:4b',
      messages: [{ role: 'user', content: 'Describe' }],
    });
    const withImage = await chat({
      model: 'gemma3:4b',
      messages: [{ role: 'user', content: 'Describe', images: [image] }],
    });
    expect(withImage.json.prompt_eval_count).toBe(plain.json.prompt_eval_count + 256);
    expect(withImage.json.message.content).toMatch(/^The image shows/);
    const generated = await generate({ model: 'gemma3:4b', images: [image] });
    expect(generated.status).toBe(200);
  });
});

describe('logprobs', () => {
  it('adds logprobs per token, with top_logprobs, streamed and gathered', async () => {
    const whole = await generate({
      think: false,
      logprobs: true,
      top_logprobs: 3,
      options: { seed: 4, num_predict: 6 },
    });
    expect(whole.json.logprobs).toHaveLength(6);
    const [first] = whole.json.logprobs;
    expect(first.token).toBe(whole.json.response.slice(0, first.token.length));
    expect(first.logprob).toBeLessThanOrEqual(0);
    expect(first.top_logprobs).toHaveLength(3);
    const streamed = await chat({
      think: false,
      logprobs: true,
      stream: true,
      options: { seed: 4, num_predict: 3 },
    });
    const chunks = streamed.lines as Array<{
      message: { content: string };
      logprobs?: Array<{ token: string }>;
    }>;
    expect(
      chunks.slice(0, -1).every((chunk) => chunk.logprobs?.[0]?.token === chunk.message.content),
    ).toBe(true);
  });
});
