import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from './index.js';
import { call } from './test-helpers.js';

const open: Simulator[] = [];
async function simulator(options: SimulatorOptions): Promise<Simulator> {
  const started = await startSimulator({ tokenDelayMs: 0, loadDelayMs: 0, ...options });
  open.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((entry) => entry.close()));
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('loading and keep_alive', () => {
  it('an empty prompt loads the model; keep_alive 0 with an empty prompt unloads it', async () => {
    const sim = await simulator({ models: ['llama3.2:1b'] });
    const load = await call(sim.url, '/api/generate', { body: { model: 'llama3.2:1b' } });
    expect(load.json).toMatchObject({
      model: 'llama3.2:1b',
      response: '',
      done: true,
      done_reason: 'load',
    });
    expect(load.lines).toHaveLength(1);
    expect(sim.loaded()).toEqual(['llama3.2:1b']);
    const unload = await call(sim.url, '/api/generate', {
      body: { model: 'llama3.2:1b', keep_alive: 0 },
    });
    expect(unload.json).toMatchObject({ done: true, done_reason: 'unload' });
    expect(sim.loaded()).toEqual([]);
  });

  it('chat with no messages loads, and with keep_alive 0 unloads', async () => {
    const sim = await simulator({ models: ['llama3.2:1b'] });
    const load = await call(sim.url, '/api/chat', { body: { model: 'llama3.2:1b', messages: [] } });
    expect(load.json).toMatchObject({
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'load',
    });
    expect(sim.loaded()).toEqual(['llama3.2:1b']);
    const unload = await call(sim.url, '/api/chat', {
      body: { model: 'llama3.2:1b', messages: [], keep_alive: '0s' },
    });
    expect(unload.json.done_reason).toBe('unload');
    expect(sim.loaded()).toEqual([]);
  });

  it('a request with keep_alive 0 unloads once it is done', async () => {
    const sim = await simulator({ models: ['llama3.2:1b'] });
    await call(sim.url, '/api/generate', {
      body: { model: 'llama3.2:1b', prompt: 'hi', keep_alive: 0, stream: false },
    });
    expect(sim.loaded()).toEqual([]);
  });

  it('a model expires after its keep_alive', async () => {
    const sim = await simulator({ models: ['llama3.2:1b'] });
    await call(sim.url, '/api/generate', { body: { model: 'llama3.2:1b', keep_alive: '200ms' } });
    const ps = await call(sim.url, '/api/ps');
    const expiresAt = new Date(ps.json.models[0].expires_at).getTime();
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(200);
    await waitFor(() => sim.loaded().length === 0);
    expect((await call(sim.url, '/api/ps')).json).toEqual({ models: [] });
  });

  it('keep_alive as seconds, the 5m default, and -1 forever', async () => {
    const sim = await simulator({ models: ['llama3.2:1b', 'qwen3:0.6b', 'gemma3:4b'] });
    await call(sim.url, '/api/generate', { body: { model: 'llama3.2:1b', keep_alive: 0.3 } });
    await call(sim.url, '/api/generate', { body: { model: 'qwen3:0.6b' } });
    await call(sim.url, '/api/generate', { body: { model: 'gemma3:4b', keep_alive: -1 } });
    const { models } = (await call(sim.url, '/api/ps')).json as {
      models: Array<{ name: string; expires_at: string }>;
    };
    // sorted by expires_at, latest first
    expect(models.map((model) => model.name)).toEqual(['gemma3:4b', 'qwen3:0.6b', 'llama3.2:1b']);
    const inMs = (name: string) =>
      new Date(models.find((model) => model.name === name)?.expires_at ?? 0).getTime() - Date.now();
    expect(inMs('gemma3:4b')).toBeGreaterThan(200 * 365 * 24 * 3600 * 1000);
    expect(inMs('qwen3:0.6b')).toBeGreaterThan(4 * 60_000);
    expect(inMs('qwen3:0.6b')).toBeLessThanOrEqual(5 * 60_000);
    await waitFor(() => !sim.loaded().includes('llama3.2:1b'));
    expect(sim.loaded()).toEqual(['gemma3:4b', 'qwen3:0.6b']);
  });

  it('the defaultKeepAlive option applies when a request gives none', async () => {
    const sim = await simulator({ models: ['llama3.2:1b'], defaultKeepAlive: '150ms' });
    await call(sim.url, '/api/generate', { body: { model: 'llama3.2:1b' } });
    expect(sim.loaded()).toEqual(['llama3.2:1b']);
    await waitFor(() => sim.loaded().length === 0);
  });

  it('load time shows in load_duration, only on the first request', async () => {
    const sim = await simulator({ models: ['llama3.2:1b'], loadDelayMs: 40 });
    const first = await call(sim.url, '/api/generate', {
      body: { model: 'llama3.2:1b', prompt: 'a', stream: false },
    });
    const second = await call(sim.url, '/api/generate', {
      body: { model: 'llama3.2:1b', prompt: 'a', stream: false },
    });
    expect(first.json.load_duration).toBeGreaterThanOrEqual(40e6);
    expect(second.json.load_duration).toBeLessThan(40e6);
  });

  it('deleting a loaded model unloads it', async () => {
    const sim = await simulator({ models: ['llama3.2:1b'], loaded: ['llama3.2:1b'] });
    expect(sim.loaded()).toEqual(['llama3.2:1b']);
    await call(sim.url, '/api/delete', { method: 'DELETE', body: { model: 'llama3.2:1b' } });
    expect(sim.loaded()).toEqual([]);
  });
});

describe('capacity', () => {
  it('evicts the idle model that expires first beyond maxLoadedModels', async () => {
    const sim = await simulator({
      models: ['llama3.2:1b', 'qwen3:0.6b', 'gemma3:1b'],
      maxLoadedModels: 2,
    });
    await call(sim.url, '/api/generate', { body: { model: 'llama3.2:1b', keep_alive: '1m' } });
    await call(sim.url, '/api/generate', { body: { model: 'qwen3:0.6b', keep_alive: '10m' } });
    await call(sim.url, '/api/generate', { body: { model: 'gemma3:1b' } });
    expect(sim.loaded().sort()).toEqual(['gemma3:1b', 'qwen3:0.6b']);
  });

  it('a model larger than the VRAM budget spills to CPU (size_vram < size)', async () => {
    const sim = await simulator({ models: ['llama3.1:8b'], vramBytes: 4 * 2 ** 30 });
    await call(sim.url, '/api/generate', { body: { model: 'llama3.1:8b' } });
    const [model] = (await call(sim.url, '/api/ps')).json.models;
    expect(model.size).toBeGreaterThan(4_920_753_328);
    expect(model.size_vram).toBe(4 * 2 ** 30);
  });

  it('an idle model is evicted to give a new one the GPU', async () => {
    const sim = await simulator({ models: ['llama3.2:1b', 'llama3.2:3b'], vramBytes: 3 * 2 ** 30 });
    await call(sim.url, '/api/generate', { body: { model: 'llama3.2:1b' } });
    await call(sim.url, '/api/generate', { body: { model: 'llama3.2:3b' } });
    const { models } = (await call(sim.url, '/api/ps')).json;
    expect(models.map((model: { name: string }) => model.name)).toEqual(['llama3.2:3b']);
    expect(models[0].size_vram).toBe(models[0].size);
  });

  it('a busy model stays, so the new one spills to CPU', async () => {
    const sim = await simulator({
      models: ['llama3.2:1b', 'llama3.2:3b'],
      vramBytes: 3 * 2 ** 30,
      tokenDelayMs: 20,
      responseTokens: { min: 500, max: 500 },
    });
    const controller = new AbortController();
    const busy = await fetch(`${sim.url}/api/generate`, {
      method: 'POST',
      body: JSON.stringify({ model: 'llama3.2:1b', prompt: 'long story' }),
      signal: controller.signal,
    });
    await busy.body?.getReader().read();
    await call(sim.url, '/api/generate', { body: { model: 'llama3.2:3b' } });
    const { models } = (await call(sim.url, '/api/ps')).json;
    controller.abort();
    const large = models.find((model: { name: string }) => model.name === 'llama3.2:3b');
    expect(models).toHaveLength(2);
    expect(large.size_vram).toBeLessThan(large.size);
    expect(large.size_vram).toBeGreaterThan(0);
  });

  it('with no GPU budget everything is on CPU', async () => {
    const sim = await simulator({ models: ['llama3.2:1b'], vramBytes: 0, loaded: ['llama3.2:1b'] });
    const [model] = (await call(sim.url, '/api/ps')).json.models;
    expect(model.size_vram).toBe(0);
    expect(model.context_length).toBe(4096);
  });

  it('num_ctx changes the context length and the memory size', async () => {
    const sim = await simulator({ models: ['llama3.2:1b'] });
    await call(sim.url, '/api/generate', {
      body: { model: 'llama3.2:1b', options: { num_ctx: 2048 } },
    });
    const small = (await call(sim.url, '/api/ps')).json.models[0];
    await call(sim.url, '/api/generate', {
      body: { model: 'llama3.2:1b', options: { num_ctx: 16384 } },
    });
    const large = (await call(sim.url, '/api/ps')).json.models[0];
    expect([small.context_length, large.context_length]).toEqual([2048, 16384]);
    expect(large.size).toBeGreaterThan(small.size);
  });
});

describe('parallelism and queue', () => {
  it('numParallel 1 makes a second request wait; maxQueue turns the next away with 503', async () => {
    const sim = await simulator({
      models: ['llama3.2:1b'],
      tokenDelayMs: 10,
      responseTokens: { min: 100, max: 100 },
      numParallel: 1,
      maxQueue: 1,
    });
    const body = JSON.stringify({ model: 'llama3.2:1b', prompt: 'hi' });
    const first = await fetch(`${sim.url}/api/generate`, { method: 'POST', body });
    await first.body?.getReader().read();
    const second = fetch(`${sim.url}/api/generate`, { method: 'POST', body }).then((response) =>
      response.text(),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.activeGenerations()).toBe(1);
    const third = await call(sim.url, '/api/generate', {
      body: { model: 'llama3.2:1b', prompt: 'hi' },
    });
    expect(third).toMatchObject({
      status: 503,
      json: { error: 'server busy, please try again.  maximum pending requests exceeded' },
    });
    const lines = (await second).split('\n').filter(Boolean);
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ done: true });
  });
});

describe('client disconnect', () => {
  it('cancels the generation when the client goes away mid-stream', async () => {
    const sim = await simulator({
      models: ['llama3.2:1b'],
      tokenDelayMs: 20,
      responseTokens: { min: 500, max: 500 },
    });
    const controller = new AbortController();
    const response = await fetch(`${sim.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({
        model: 'llama3.2:1b',
        messages: [{ role: 'user', content: 'hi' }],
        keep_alive: '1m',
      }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read();
    expect(sim.activeGenerations()).toBe(1);
    controller.abort();
    // 500 tokens at 20 ms would take 10 s; the work stops at once instead.
    await waitFor(() => sim.activeGenerations() === 0, 2000);
    const [model] = (await call(sim.url, '/api/ps')).json.models;
    expect(new Date(model.expires_at).getTime() - Date.now()).toBeGreaterThan(50_000);
  });

  it('cancels a non-streamed generation too', async () => {
    const sim = await simulator({
      models: ['llama3.2:1b'],
      tokenDelayMs: 20,
      responseTokens: { min: 500, max: 500 },
    });
    const controller = new AbortController();
    const pending = fetch(`${sim.url}/api/generate`, {
      method: 'POST',
      body: JSON.stringify({ model: 'llama3.2:1b', prompt: 'hi', stream: false }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await waitFor(() => sim.activeGenerations() === 1);
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    await waitFor(() => sim.activeGenerations() === 0, 2000);
  });
});

describe('state helpers', () => {
  it('install, remove, load and unload', async () => {
    const sim = await simulator({ models: [] });
    expect(sim.installed()).toEqual([]);
    sim.install('mistral');
    expect(sim.installed()).toEqual(['mistral:latest']);
    await sim.load('llama3.2:1b', '1m');
    expect(sim.installed()).toContain('llama3.2:1b');
    expect(sim.loaded()).toEqual(['llama3.2:1b']);
    sim.unload('llama3.2:1b');
    expect(sim.loaded()).toEqual([]);
    sim.remove('mistral');
    expect(sim.installed()).toEqual(['llama3.2:1b']);
    expect(() => sim.install('nonexistent-model')).toThrow(/unknown model "nonexistent-model"/);
    expect(sim.catalogue().length).toBeGreaterThan(10);
  });

  it('rejects bad options with a clear error', async () => {
    await expect(startSimulator({ tokenDelayMs: -1 })).rejects.toThrow(
      'tokenDelayMs must be a number >= 0',
    );
    await expect(startSimulator({ defaultKeepAlive: '5' })).rejects.toThrow(/defaultKeepAlive "5"/);
    await expect(startSimulator({ models: ['nope'] })).rejects.toThrow(/unknown model "nope"/);
  });
});
