import { readdirSync } from 'node:fs';
import { createClient } from '@ollamamon/client';
import { startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError } from '../errors/index.ts';
import { openStore } from '../open-store.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();
let simulator: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  simulator = await startSimulator({ models: ['qwen3:0.6b', 'gemma3:4b'], tokenDelayMs: 0 });
  const client = createClient({ host: simulator.url });
  await client.create({ model: 'terse-assistant', from: 'qwen3:0.6b', system: 'You are terse.' });
});
afterAll(() => simulator.close());

describe('backup of Modelfiles (through the client, against the simulator)', () => {
  it("archives the custom models' Modelfiles and hands them back on restore", async () => {
    const store = openStore({ home: tempHome() });
    const client = createClient({ host: simulator.url });
    const backup = await store.createBackup({ modelfiles: [{ host: 'sim', client }] });
    expect(backup.header.sections).toContain('modelfiles');
    expect(backup.counts.modelfiles).toBe(1);

    const fresh = openStore({ home: tempHome() });
    const report = await fresh.restoreBackup(backup.file);
    expect(report.modelfiles).toEqual([
      {
        host: 'sim',
        model: 'terse-assistant:latest',
        parentModel: 'qwen3:0.6b',
        modelfile: expect.stringContaining('SYSTEM You are terse.'),
      },
    ]);
    expect(report.modelfiles[0]?.modelfile).toMatch(/^FROM /m);

    const all = await store.createBackup({ modelfiles: [{ host: 'sim', client, models: 'all' }] });
    expect(all.counts.modelfiles).toBe(3);
    store.close();
    fresh.close();
  });

  it('writes no archive when the host fails while Modelfiles are fetched', async () => {
    const store = openStore({ home: tempHome() });
    const client = createClient({ host: simulator.url, retry: false });
    const removeFault = simulator.addFault({ path: '/api/show', status: 500, error: 'boom' });
    const failure = await store
      .createBackup({ modelfiles: [{ host: 'sim', client }] })
      .catch((error: unknown) => error);
    removeFault();
    expect(failure).toBeInstanceOf(BackupError);
    expect((failure as BackupError).problem).toBe('modelfiles-unavailable');
    expect((failure as BackupError).message).toMatch(/could not fetch Modelfiles from sim .*boom/);
    expect(readdirSync(store.home.dataDir)).not.toContain('backups');
    store.close();
  });
});
