import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();

describe('bench history', () => {
  it('keeps runs with suite, environment and results, newest first', () => {
    const store = openStore({ home: tempHome() });
    const environment = { os: 'linux', gpus: [{ name: 'RTX 4090', vramBytes: 25_769_803_776 }] };
    const first = store.bench.add({
      suite: 'quick',
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:01:00.000Z',
      environment,
      results: { tokensPerSecond: { median: 51.2 } },
    });
    store.bench.add({
      suite: 'quick',
      label: 'after upgrade',
      startedAt: '2026-02-01T00:00:00.000Z',
      environment,
      results: { tokensPerSecond: { median: 60 } },
    });
    store.bench.add({
      suite: 'long',
      startedAt: '2026-03-01T00:00:00.000Z',
      environment: {},
      results: [],
    });
    expect(store.bench.get(first.id)).toEqual(first);
    expect(first.environment).toEqual(environment);
    expect(store.bench.list({ suite: 'quick' }).map((run) => run.label ?? null)).toEqual([
      'after upgrade',
      null,
    ]);
    expect(store.bench.list({ limit: 1 })[0]?.suite).toBe('long');
    expect(store.bench.remove(first.id)).toBe(true);
    expect(store.bench.list()).toHaveLength(2);
    expect(() =>
      store.bench.add({ suite: '', startedAt: 'yesterday', environment: {}, results: null }),
    ).toThrowError(/Invalid bench run at suite/);
    store.close();
  });
});
