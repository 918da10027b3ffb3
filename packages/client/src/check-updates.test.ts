import { startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUpdates } from './check-updates';
import { createClient } from './create-client';

let simulator: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  simulator = await startSimulator({ models: ['qwen3:0.6b', 'gemma3:1b'], loadDelayMs: 0 });
});
afterAll(() => simulator.close());

describe('checkUpdates against the simulator’s registry mode', () => {
  it('reports up to date, outdated and unknown per model', async () => {
    const client = createClient({ host: simulator.url });
    await client.create({ model: 'mine:latest', from: 'qwen3:0.6b', system: 'Be brief.' });
    const { models } = await client.list();
    const before = await checkUpdates(models, { registry: simulator.url });
    const status = (checks: typeof before) =>
      Object.fromEntries(checks.map((check) => [check.name, check.status]));
    expect(status(before)).toEqual({
      'qwen3:0.6b': 'up-to-date',
      'gemma3:1b': 'up-to-date',
      'mine:latest': 'unknown',
    });
    expect(before.find((check) => check.name === 'mine:latest')?.reason).toMatch(
      /not in the registry/,
    );

    const newDigest = simulator.registry.setDigest('gemma3:1b');
    const after = await checkUpdates(models, { registry: simulator.url });
    expect(status(after)['gemma3:1b']).toBe('outdated');
    expect(after.find((check) => check.name === 'gemma3:1b')?.remoteDigest).toBe(newDigest);

    // pulling the new version brings it up to date
    await client.pull('gemma3:1b');
    const again = await checkUpdates((await client.list()).models, { registry: simulator.url });
    expect(status(again)['gemma3:1b']).toBe('up-to-date');
  });

  it('says unknown when the registry is unreachable or the name is invalid', async () => {
    const checks = await checkUpdates(
      [
        { name: 'qwen3:0.6b', digest: 'abc' },
        { name: 'bad name', digest: 'abc' },
      ],
      { registry: 'http://127.0.0.1:9', timeoutMs: 500 },
    );
    expect(checks.map((check) => check.status)).toEqual(['unknown', 'unknown']);
    expect(checks[0]?.reason).toMatch(/unreachable/);
    expect(checks[1]?.reason).toMatch(/not a valid model name/);
  });
});
