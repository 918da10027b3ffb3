import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { createClient } from '@ollamamon/client';
import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMonitor } from './create-monitor.js';

/** Whether a command is on PATH (test-only: libraries never read the environment). */
async function onPath(command: string): Promise<boolean> {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (
      await access(join(directory, command)).then(
        () => true,
        () => false,
      )
    )
      return true;
  }
  return false;
}

const hasGpuTool = (await onPath('nvidia-smi')) || (await onPath('rocm-smi'));
let simulator: Simulator;

beforeAll(async () => {
  // A CPU-only Ollama host, as this machine would run it: everything in RAM (size_vram 0).
  simulator = await startSimulator({
    models: ['llama3.2:1b'],
    loaded: ['llama3.2:1b'],
    vramBytes: 0,
  });
});
afterAll(() => simulator.close());

describe.skipIf(process.platform !== 'linux' || hasGpuTool)(
  'the monitor on this machine (Linux, no GPU)',
  () => {
    it('runs, reports GPUs as not available with the reason, and warns nothing false', async () => {
      const monitor = createMonitor({
        intervalMs: 200,
        hosts: [{ name: 'local', client: createClient({ host: simulator.url }) }],
      });
      try {
        await monitor.start();
        const snapshot = await monitor.sample();
        expect(snapshot.cpu.available && snapshot.cpu.cores).toBeGreaterThan(0);
        expect(snapshot.memory.available && snapshot.memory.totalBytes).toBeGreaterThan(0);
        expect(snapshot.gpus.available).toBe(false);
        expect(!snapshot.gpus.available && snapshot.gpus.reason).toMatch(
          /^no GPU found: nvidia-smi not found on PATH; rocm-smi not found on PATH; systeminformation\.graphics\(\) /,
        );
        expect(snapshot.temperatures.available).toBe(true);
        expect(snapshot.processes).toEqual({ available: true, processes: [] });
        expect(
          snapshot.hosts[0]?.models.map((model) => [model.name, model.size_vram, model.cpuShare]),
        ).toEqual([['llama3.2:1b', 0, 1]]);
        // 100% on CPU on a machine without a GPU is no spill; RAM and swap are fine here.
        expect(snapshot.warnings).toEqual([]);
      } finally {
        await monitor.stop();
      }
    });
  },
);
