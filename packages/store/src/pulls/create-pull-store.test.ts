import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();

describe('pull queue', () => {
  it('survives a restart: active pulls come back in order, interrupted ones queued again', () => {
    const home = tempHome();
    const store = openStore({ home });
    const first = store.pulls.enqueue({ host: 'local', model: 'llama3.2:1b' });
    const second = store.pulls.enqueue({ host: 'local', model: 'qwen3:8b' });
    const third = store.pulls.enqueue({ host: 'gpu-box', model: 'qwen3:8b' });
    expect(store.pulls.enqueue({ host: 'local', model: 'qwen3:8b' }).id).toBe(second.id);
    store.pulls.update(first.id, { state: 'running', completedBytes: 500, totalBytes: 1000 });
    store.pulls.update(third.id, {
      state: 'failed',
      error: 'pull model manifest: file does not exist',
    });
    store.close(); // as if the process died mid-pull

    const reopened = openStore({ home });
    expect(reopened.pulls.resumable()).toEqual([
      expect.objectContaining({
        id: first.id,
        state: 'queued',
        completedBytes: 500,
        totalBytes: 1000,
      }),
      expect.objectContaining({ id: second.id, state: 'queued' }),
    ]);
    expect(reopened.pulls.get(third.id)).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('manifest'),
    });
    reopened.pulls.update(first.id, { state: 'done' });
    expect(reopened.pulls.clearFinished()).toBe(2);
    expect(reopened.pulls.list().map((item) => item.id)).toEqual([second.id]);
    // Once finished, the same model can be queued again.
    expect(reopened.pulls.enqueue({ host: 'local', model: 'llama3.2:1b' }).id).not.toBe(first.id);
    expect(() => reopened.pulls.update(9999, { state: 'done' })).toThrowError(/No pull "9999"/);
    reopened.close();
  });
});
