import { startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './create-client';
import { PullQueue } from './pull-queue';

let simulator: Awaited<ReturnType<typeof startSimulator>>;
let other: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  // Slow enough pulls that the queue order is visible.
  simulator = await startSimulator({ models: [], pullBytesPerSecond: 40 * 2 ** 30 });
  other = await startSimulator({ models: [], pullBytesPerSecond: 40 * 2 ** 30 });
});
afterAll(async () => {
  await simulator.close();
  await other.close();
});

describe('PullQueue', () => {
  it('runs one pull per host at a time, hosts in parallel, with events', async () => {
    const queue = new PullQueue({ concurrency: 1 });
    const client = createClient({ host: simulator.url });
    const otherClient = createClient({ host: other.url });
    const log: string[] = [];
    let progressEvents = 0;
    queue.on('pull-start', (job) =>
      log.push(`start ${job.host === client.host ? 'a' : 'b'} ${job.model}`),
    );
    queue.on('pull-end', (job) =>
      log.push(`end ${job.host === client.host ? 'a' : 'b'} ${job.model} ${job.state}`),
    );
    queue.on('pull-progress', () => progressEvents++);
    const first = queue.add(client, 'llama3.2:1b');
    const second = queue.add(client, 'qwen3:0.6b');
    const third = queue.add(otherClient, 'gemma3:1b');
    expect(queue.add(client, 'llama3.2:1b')).toBe(first);
    expect(second.state).toBe('queued');
    await Promise.all([first.promise, second.promise, third.promise]);
    const onA = log.filter((line) => line.includes(' a '));
    expect(onA).toEqual([
      'start a llama3.2:1b',
      'end a llama3.2:1b done',
      'start a qwen3:0.6b',
      'end a qwen3:0.6b done',
    ]);
    // host b started before host a finished its first pull
    expect(log.indexOf('start b gemma3:1b')).toBeLessThan(log.indexOf('end a llama3.2:1b done'));
    expect(progressEvents).toBeGreaterThan(3);
    expect(first.progress?.done).toBe(true);
    expect(simulator.installed().sort()).toEqual(['llama3.2:1b', 'qwen3:0.6b']);
    expect(queue.jobs()).toHaveLength(3);
  });

  it('cancels a queued job before it starts and a running job mid-way', async () => {
    const queue = new PullQueue();
    const slow = await startSimulator({ models: [], pullBytesPerSecond: 2 ** 30 });
    const client = createClient({ host: slow.url });
    const started: string[] = [];
    queue.on('pull-start', (job) => started.push(job.model));
    const running = queue.add(client, 'llama3.1:8b');
    const waiting = queue.add(client, 'mistral:7b');
    await new Promise<void>((resolve) => {
      const stop = queue.on('pull-progress', () => {
        stop();
        resolve();
      });
    });
    waiting.cancel();
    running.cancel();
    await expect(running.promise).rejects.toMatchObject({ name: 'AbortError' });
    await expect(waiting.promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(running.state).toBe('cancelled');
    expect(waiting.state).toBe('cancelled');
    expect(started).toEqual(['llama3.1:8b']);
    expect(slow.installed()).toEqual([]);
    await queue.onIdle();
    await slow.close();
  });

  it('reports a failed pull as failed', async () => {
    const queue = new PullQueue();
    const job = queue.add(createClient({ host: simulator.url }), 'no-such-model');
    await expect(job.promise).rejects.toMatchObject({ name: 'ModelNotFoundError' });
    expect(job.state).toBe('failed');
  });
});
