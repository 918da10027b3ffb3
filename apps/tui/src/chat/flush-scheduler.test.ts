import { describe, expect, it } from 'vitest';
import { createFlushScheduler, type FlushBatch, type FlushTimers } from './flush-scheduler.js';

const manualTimers = () => {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: FlushTimers = {
    setTimeout(callback) {
      next += 1;
      pending.set(next, callback);
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  const fire = () => {
    for (const [id, callback] of [...pending]) {
      pending.delete(id);
      callback();
    }
  };
  return { timers, fire, pending };
};

describe('createFlushScheduler', () => {
  it('delivers many tokens as one batch per interval', () => {
    const { timers, fire, pending } = manualTimers();
    const batches: FlushBatch[] = [];
    const scheduler = createFlushScheduler({ onFlush: (batch) => batches.push(batch), timers });
    for (let index = 0; index < 100; index += 1) scheduler.push(`t${index} `);
    expect(pending.size).toBe(1);
    expect(batches).toEqual([]);
    fire();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.tokens).toBe(100);
    expect(batches[0]?.content.startsWith('t0 t1 ')).toBe(true);
    scheduler.push('after', 'why');
    fire();
    expect(batches[1]).toEqual({ content: 'after', thinking: 'why', tokens: 1 });
  });

  it('flushes pending text at once and never sends an empty batch', () => {
    const { timers, pending } = manualTimers();
    const batches: FlushBatch[] = [];
    const scheduler = createFlushScheduler({ onFlush: (batch) => batches.push(batch), timers });
    scheduler.flush();
    expect(batches).toEqual([]);
    scheduler.push('a');
    scheduler.flush();
    expect(batches).toEqual([{ content: 'a', thinking: '', tokens: 1 }]);
    expect(pending.size).toBe(0);
  });

  it('drops pending text on cancel', () => {
    const { timers, fire } = manualTimers();
    const batches: FlushBatch[] = [];
    const scheduler = createFlushScheduler({ onFlush: (batch) => batches.push(batch), timers });
    scheduler.push('lost');
    scheduler.cancel();
    fire();
    scheduler.flush();
    expect(batches).toEqual([]);
  });

  it('flushes on a real timer after the interval', async () => {
    const batches: FlushBatch[] = [];
    const scheduler = createFlushScheduler({
      onFlush: (batch) => batches.push(batch),
      intervalMs: 5,
    });
    scheduler.push('x');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches).toEqual([{ content: 'x', thinking: '', tokens: 1 }]);
  });
});
