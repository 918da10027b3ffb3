import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();

describe('usage', () => {
  it('adds up requests and tokens and keeps load times and tok/s over time', () => {
    const store = openStore({ home: tempHome() });
    const key = { host: 'local', model: 'llama3.2:1b' };
    store.usage.record({
      ...key,
      promptTokens: 10,
      outputTokens: 100,
      loadMs: 1200,
      tokensPerSecond: 50,
      at: '2026-01-01T10:00:00.000Z',
    });
    store.usage.record({
      ...key,
      promptTokens: 5,
      outputTokens: 20,
      tokensPerSecond: 55,
      at: '2026-01-02T10:00:00.000Z',
    });
    store.usage.record({ ...key, at: '2025-12-31T10:00:00.000Z' });
    store.usage.record({ host: 'local', model: 'old:7b', at: '2025-06-01T00:00:00.000Z' });
    expect(store.usage.get(key)).toEqual({
      ...key,
      requests: 3,
      promptTokens: 15,
      outputTokens: 120,
      firstUsedAt: '2025-12-31T10:00:00.000Z',
      lastUsedAt: '2026-01-02T10:00:00.000Z',
    });
    expect(store.usage.history(key)).toEqual([
      { ...key, at: '2026-01-01T10:00:00.000Z', loadMs: 1200, tokensPerSecond: 50 },
      { ...key, at: '2026-01-02T10:00:00.000Z', tokensPerSecond: 55 },
    ]);
    expect(store.usage.list().map((usage) => usage.model)).toEqual(['llama3.2:1b', 'old:7b']);
    expect(
      store.usage.list({ unusedSince: '2025-10-01T00:00:00.000Z' }).map((usage) => usage.model),
    ).toEqual(['old:7b']);
    expect(store.usage.prune({ before: '2026-01-02T00:00:00.000Z' })).toBe(1);
    expect(store.usage.history(key)).toHaveLength(1);
    expect(() => store.usage.record({ ...key, outputTokens: -1 })).toThrowError(/outputTokens/);
    store.close();
  });
});
