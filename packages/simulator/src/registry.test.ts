import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from './digest.js';
import { type Simulator, startSimulator } from './index.js';
import { call } from './test-helpers.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({
    models: ['llama3.2:1b', 'llama3.2'],
    tokenDelayMs: 0,
    loadDelayMs: 0,
  });
});
afterAll(() => simulator.close());

async function localDigest(name: string): Promise<string> {
  const { models } = (await call(simulator.url, '/api/tags')).json as {
    models: Array<{ name: string; digest: string }>;
  };
  return models.find((model) => model.name === name)?.digest ?? '';
}

describe('registry mode', () => {
  it('serves manifests whose digest matches the installed model', async () => {
    const response = await fetch(`${simulator.url}/v2/library/llama3.2/manifests/1b`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.docker.distribution.manifest.v2+json',
    );
    const text = await response.text();
    const manifest = JSON.parse(text);
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.layers[0].mediaType).toBe('application/vnd.ollama.image.model');
    const local = await localDigest('llama3.2:1b');
    expect(response.headers.get('docker-content-digest')).toBe(`sha256:${local}`);
    expect(sha256Hex(text)).toBe(local);
    expect(
      (await fetch(`${simulator.url}/v2/library/llama3.2/manifests/1b`, { method: 'HEAD' })).status,
    ).toBe(200);
  });

  it('aliases share a digest: llama3.2:latest is llama3.2:3b', async () => {
    expect(await localDigest('llama3.2:latest')).toBe(simulator.registry.digest('llama3.2:3b'));
  });

  it('answers 404 MANIFEST_UNKNOWN for models it does not have', async () => {
    const response = await call(simulator.url, '/v2/library/nothing/manifests/latest');
    expect(response.status).toBe(404);
    expect(response.json.errors[0].code).toBe('MANIFEST_UNKNOWN');
  });

  it('setDigest publishes a new version; pulling it updates the local digest and prunes old layers', async () => {
    const before = await localDigest('llama3.2:1b');
    const digest = 'a'.repeat(64);
    expect(simulator.registry.setDigest('llama3.2:1b', `sha256:${digest}`)).toBe(digest);
    const response = await fetch(`${simulator.url}/v2/library/llama3.2/manifests/1b`);
    expect(response.headers.get('docker-content-digest')).toBe(`sha256:${digest}`);
    expect(await localDigest('llama3.2:1b')).toBe(before);

    const pull = await call(simulator.url, '/api/pull', { body: { model: 'llama3.2:1b' } });
    const statuses = (
      pull.lines as Array<{ status: string; completed?: number; total?: number }>
    ).map((line) => line.status);
    expect(statuses.slice(-4)).toEqual([
      'verifying sha256 digest',
      'writing manifest',
      'removing unused layers',
      'success',
    ]);
    expect(await localDigest('llama3.2:1b')).toBe(digest);
    const fresh = simulator.registry.setDigest('llama3.2:1b');
    expect(fresh).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh).not.toBe(digest);
  });

  it('pull progress: manifest, each layer with total/completed, verify, write, success', async () => {
    await call(simulator.url, '/api/delete', { method: 'DELETE', body: { model: 'llama3.2:3b' } });
    await call(simulator.url, '/api/delete', {
      method: 'DELETE',
      body: { model: 'llama3.2:latest' },
    });
    const pull = await call(simulator.url, '/api/pull', { body: { model: 'llama3.2:3b' } });
    const lines = pull.lines as Array<{
      status: string;
      digest?: string;
      total?: number;
      completed?: number;
    }>;
    expect(lines[0]).toEqual({ status: 'pulling manifest' });
    const layerLines = lines.filter((line) => line.digest);
    const digests = [...new Set(layerLines.map((line) => line.digest))];
    expect(digests.length).toBeGreaterThanOrEqual(4);
    for (const digest of digests) {
      const forLayer = layerLines.filter((line) => line.digest === digest);
      expect(forLayer[0]?.status).toBe(`pulling ${digest?.slice(7, 19)}`);
      const completed = forLayer.map((line) => line.completed ?? 0);
      expect(completed).toEqual([...completed].sort((a, b) => a - b));
      expect(forLayer.at(-1)?.completed).toBe(forLayer.at(-1)?.total);
    }
    const modelLayer = layerLines.filter((line) => line.digest === digests[0]);
    expect(modelLayer.length).toBeGreaterThan(2);
    expect(lines.slice(-3).map((line) => line.status)).toEqual([
      'verifying sha256 digest',
      'writing manifest',
      'success',
    ]);
    const total = digests.reduce(
      (sum, digest) => sum + (layerLines.find((line) => line.digest === digest)?.total ?? 0),
      0,
    );
    expect(total).toBe(2_019_393_189);
  });

  it('pulling an up-to-date model reports every layer once, complete', async () => {
    const pull = await call(simulator.url, '/api/pull', { body: { model: 'llama3.2:latest' } });
    const layers = (
      pull.lines as Array<{ digest?: string; total?: number; completed?: number }>
    ).filter((line) => line.digest);
    expect(new Set(layers.map((line) => line.digest)).size).toBe(layers.length);
    expect(layers.every((line) => line.completed === line.total)).toBe(true);
  });

  it('a pushed model is served by the registry', async () => {
    await call(simulator.url, '/api/copy', {
      body: { source: 'llama3.2:1b', destination: 'me/mine:v1' },
    });
    expect((await call(simulator.url, '/v2/me/mine/manifests/v1')).status).toBe(404);
    const push = await call(simulator.url, '/api/push', {
      body: { model: 'me/mine:v1', stream: false },
    });
    expect(push.json).toEqual({ status: 'success' });
    const manifest = await fetch(`${simulator.url}/v2/me/mine/manifests/v1`);
    expect(manifest.headers.get('docker-content-digest')).toBe(
      `sha256:${await localDigest('me/mine:v1')}`,
    );
  });
});

describe('blobs', () => {
  it('HEAD and POST check and store digests', async () => {
    const bytes = new TextEncoder().encode('GGUF fake model bytes');
    const digest = `sha256:${sha256Hex(bytes)}`;
    expect((await call(simulator.url, `/api/blobs/${digest}`, { method: 'HEAD' })).status).toBe(
      404,
    );
    expect(
      await call(simulator.url, '/api/blobs/sha256:abc', { method: 'POST', raw: bytes }),
    ).toMatchObject({
      status: 400,
      json: { error: 'invalid digest format' },
    });
    const wrong = `sha256:${'0'.repeat(64)}`;
    expect(
      await call(simulator.url, `/api/blobs/${wrong}`, { method: 'POST', raw: bytes }),
    ).toMatchObject({
      status: 400,
      json: { error: `digest mismatch, expected "${wrong}", got "${digest}"` },
    });
    expect(
      (await call(simulator.url, `/api/blobs/${digest}`, { method: 'POST', raw: bytes })).status,
    ).toBe(201);
    expect(
      (await call(simulator.url, `/api/blobs/${digest}`, { method: 'POST', raw: bytes })).status,
    ).toBe(200);
    expect(
      (await call(simulator.url, `/api/blobs/${digest.replace(':', '-')}`, { method: 'HEAD' }))
        .status,
    ).toBe(200);

    const create = await call(simulator.url, '/api/create', {
      body: { model: 'from-file', files: { 'model.gguf': digest } },
    });
    const statuses = (create.lines as Array<{ status: string }>).map((line) => line.status);
    expect(statuses[0]).toBe('parsing GGUF');
    expect(statuses.slice(-2)).toEqual(['writing manifest', 'success']);
    const quantized = await call(simulator.url, '/api/create', {
      body: { model: 'from-file-q', from: 'from-file', quantize: 'q4_K_M' },
    });
    const quantizing = (quantized.lines as Array<{ status: string; digest?: string }>).filter(
      (line) => line.status.startsWith('quantizing'),
    );
    expect(quantizing[0]).toMatchObject({
      status: 'quantizing F16 model to Q4_K_M',
      digest: '0000000000000000000',
    });
    const notGguf = new TextEncoder().encode('not a gguf');
    const notGgufDigest = `sha256:${sha256Hex(notGguf)}`;
    await call(simulator.url, `/api/blobs/${notGgufDigest}`, { method: 'POST', raw: notGguf });
    expect(
      await call(simulator.url, '/api/create', {
        body: { model: 'bad', files: { 'x.gguf': notGgufDigest } },
      }),
    ).toMatchObject({
      status: 400,
      json: { error: 'supplied file was not in GGUF format' },
    });
  });

  it('create statuses: existing and new layers, then writing manifest, success', async () => {
    const create = await call(simulator.url, '/api/create', {
      body: {
        model: 'helper',
        from: 'llama3.2:1b',
        system: 'Be brief.',
        messages: [{ role: 'user', content: 'hi' }],
      },
    });
    const statuses = (create.lines as Array<{ status: string }>).map((line) => line.status);
    expect(statuses[0]).toMatch(/^using existing layer sha256:[0-9a-f]{64}$/);
    expect(statuses.some((status) => /^creating new layer sha256:/.test(status))).toBe(true);
    expect(statuses.slice(-2)).toEqual(['writing manifest', 'success']);
    const show = await call(simulator.url, '/api/show', { body: { model: 'helper' } });
    expect(show.json.system).toBe('Be brief.');
    expect(show.json.messages).toEqual([{ role: 'user', content: 'hi' }]);
    expect(show.json.modelfile).toContain('SYSTEM Be brief.');
    expect(show.json.modelfile).toContain('MESSAGE user hi');
  });

  it('create from a model that is not local pulls it first', async () => {
    const create = await call(simulator.url, '/api/create', {
      body: { model: 'my-mistral', from: 'mistral:7b' },
    });
    const statuses = (create.lines as Array<{ status: string }>).map((line) => line.status);
    expect(statuses[0]).toBe('pulling manifest');
    expect(statuses).toContain('verifying sha256 digest');
    expect(statuses.at(-1)).toBe('success');
    expect(simulator.installed()).toEqual(
      expect.arrayContaining(['mistral:7b', 'my-mistral:latest']),
    );
  });
});
