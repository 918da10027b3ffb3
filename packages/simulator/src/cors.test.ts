import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from './index.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({ models: [], allowedOrigins: ['https://*.example.org'] });
});
afterAll(() => simulator.close());

function send(method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
    (resolve, reject) => {
      const outgoing = request(`${simulator.url}${path}`, { method, headers }, (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end();
    },
  );
}

describe('CORS', () => {
  it('leaves requests without an Origin alone', async () => {
    const response = await send('GET', '/api/tags', {});
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows localhost origins on any port, browser extensions and OLLAMA_ORIGINS-style extras', async () => {
    for (const origin of [
      'http://localhost:5173',
      'https://127.0.0.1',
      'chrome-extension://abc',
      'https://app.example.org',
    ]) {
      const response = await send('GET', '/api/version', { origin });
      expect([origin, response.status, response.headers['access-control-allow-origin']]).toEqual([
        origin,
        200,
        origin,
      ]);
    }
  });

  it('answers a preflight with 204 and the allowed methods and headers', async () => {
    const response = await send('OPTIONS', '/api/chat', {
      origin: 'http://localhost:3000',
      'access-control-request-method': 'POST',
    });
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-methods']).toBe(
      'GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS',
    );
    expect(String(response.headers['access-control-allow-headers'])).toContain('Content-Type');
  });

  it('forbids other origins with 403', async () => {
    expect((await send('GET', '/api/tags', { origin: 'https://evil.example.com' })).status).toBe(
      403,
    );
  });
});

describe('Host check (listening on loopback)', () => {
  it('answers OPTIONS with 204 and refuses a foreign Host with 403', async () => {
    expect((await send('OPTIONS', '/api/chat', {})).status).toBe(204);
    expect((await send('GET', '/api/tags', { host: 'evil.example.com' })).status).toBe(403);
    for (const host of [
      'localhost:11434',
      'my-box.local',
      'app.localhost',
      '192.168.1.5:80',
      '[::1]:11434',
    ]) {
      expect([host, (await send('GET', '/api/version', { host })).status]).toEqual([host, 200]);
    }
  });
});
