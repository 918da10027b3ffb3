import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fakeNvidiaSmi, fixturePath } from '../__fixtures__/fixtures.js';
import { type CommandRunner, createSystemIo } from '../io/system-io.js';
import type { GpuReadingData, Reading } from '../types.js';
import { createGpuSource } from './gpu-source.js';
import type { Source } from './source.js';

const io = createSystemIo();
const missing = Object.assign(new Error('spawn rocm-smi ENOENT'), { code: 'ENOENT' });
const noRocm: CommandRunner = async () => {
  throw missing;
};
const replayRocm: CommandRunner = async (command, args) => {
  expect([command, ...args]).toContain('--json');
  return { stdout: await readFile(fixturePath('rocm-smi.json'), 'utf8'), stderr: '', exitCode: 0 };
};

/** Samples until `done` holds (the second nvidia-smi loop prints a little after the first). */
async function sampleUntil(
  source: Source<GpuReadingData>,
  done: (reading: Reading<GpuReadingData>) => boolean,
): Promise<Reading<GpuReadingData>> {
  // Bounded (about 6 s at most): long enough for a stand-in nvidia-smi to start on a busy machine.
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const reading = await source.sample();
    if (done(reading)) return reading;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return source.sample();
}

describe('createGpuSource with nvidia-smi', () => {
  it('reads two GPUs and the per-process memory from long-lived nvidia-smi loops', async () => {
    const source = createGpuSource({ io, intervalMs: 200, nvidiaSmiCommand: fakeNvidiaSmi() });
    await source.start?.();
    try {
      const reading = await sampleUntil(source, (r) => r.available && r.processes.length === 3);
      if (!reading.available) throw new Error(reading.reason);
      expect(reading.backend).toBe('nvidia-smi');
      expect(reading.devices).toHaveLength(2);
      expect(reading.devices[0]).toEqual({
        index: 0,
        id: 'GPU-5f0d2a7c-3b1e-4c8a-9e62-1d7f4b0a9c31',
        vendor: 'nvidia',
        name: 'NVIDIA GeForce RTX 4090',
        utilisationPercent: 87,
        memoryUsedBytes: 23_810 * 1024 ** 2,
        memoryTotalBytes: 24_564 * 1024 ** 2,
        temperatureCelsius: 66,
        powerWatts: 287.41,
        powerLimitWatts: 450,
        fanPercent: 54,
        smClockMhz: 2625,
        memoryClockMhz: 10_501,
        unifiedMemory: false,
      });
      expect(reading.devices[1]?.fanPercent).toBeNull(); // "[N/A]"
      expect(reading.processes).toEqual([
        {
          pid: 4121,
          gpuIndex: 0,
          processName: '/usr/local/bin/ollama',
          usedMemoryBytes: 23_350 * 1024 ** 2,
        },
        {
          pid: 4121,
          gpuIndex: 1,
          processName: '/usr/local/bin/ollama',
          usedMemoryBytes: 13_976 * 1024 ** 2,
        },
        {
          pid: 4388,
          gpuIndex: 1,
          processName: '/usr/local/bin/ollama',
          usedMemoryBytes: 3790 * 1024 ** 2,
        },
      ]);
    } finally {
      await source.stop?.();
    }
  });

  it('says why nvidia-smi stopped, and starts it again after restartAfterMs', async () => {
    let nowMs = 0;
    const source = createGpuSource({
      io,
      intervalMs: 200,
      nvidiaSmiCommand: fakeNvidiaSmi('--scenario=exit-after-first'),
      restartAfterMs: 30_000,
      now: () => nowMs,
    });
    await source.start?.();
    try {
      const stopped = await sampleUntil(source, (reading) => !reading.available);
      expect(stopped).toEqual({
        available: false,
        reason: 'fake-nvidia-smi.mjs exited with code 0',
      });
      nowMs = 30_000;
      expect(await source.sample()).toEqual({
        available: false,
        reason: 'fake-nvidia-smi.mjs exited with code 0 (restarting it)',
      });
      const again = await sampleUntil(source, (reading) => reading.available);
      expect(again.available && again.devices).toHaveLength(2);
    } finally {
      await source.stop?.();
    }
  });

  it('falls through to rocm-smi when nvidia-smi cannot talk to the driver', async () => {
    let runs = 0;
    let nowMs = 0;
    const source = createGpuSource({
      now: () => nowMs,
      io: {
        ...io,
        run: (command, args) => {
          runs += 1;
          return replayRocm(command, args);
        },
      },
      nvidiaSmiCommand: fakeNvidiaSmi('--scenario=driver-failure'),
    });
    await source.start?.();
    const reading = await source.sample();
    if (!reading.available) throw new Error(reading.reason);
    expect(reading.backend).toBe('rocm-smi');
    expect(
      reading.devices.map((device) => [
        device.name,
        device.memoryUsedBytes,
        device.temperatureCelsius,
        device.powerWatts,
      ]),
    ).toEqual([
      ['Navi 31 [Radeon RX 7900 XTX]', 17_923_416_064, 58, 241],
      ['Navi 21 [Radeon RX 6800 XT]', 11_862_016, 41, 9],
    ]);
    expect(reading.processes).toEqual([
      { pid: 4121, gpuIndex: 0, processName: 'ollama', usedMemoryBytes: 17_179_869_184 },
    ]);
    // rocm-smi runs at most every 5 s; samples in between repeat its reading.
    nowMs = 4000;
    await source.sample();
    expect(runs).toBe(1);
    nowMs = 5000;
    await source.sample();
    expect(runs).toBe(2);
  });

  it('reports "not available" with every backend\'s reason when no tool works', async () => {
    const source = createGpuSource({
      io: { ...io, run: noRocm },
      nvidiaSmiCommand: fakeNvidiaSmi('--scenario=driver-failure'),
      graphics: async () => ({
        controllers: [{ vendor: 'Red Hat, Inc.', model: 'QXL paravirtual graphic card', vram: 16 }],
      }),
    });
    await source.start?.();
    const reading = await source.sample();
    expect(reading.available).toBe(false);
    expect(!reading.available && reading.reason).toBe(
      "no GPU found: fake-nvidia-smi.mjs exited with code 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.; rocm-smi not found on PATH; systeminformation.graphics() lists no GPU with >= 1 GiB memory (Red Hat, Inc. QXL paravirtual graphic card)",
    );
  });

  it('names a missing nvidia-smi as not found on PATH', async () => {
    const source = createGpuSource({
      io: { ...io, run: noRocm },
      nvidiaSmiCommand: ['nvidia-smi-missing-for-test'],
      graphics: async () => ({ controllers: [] }),
    });
    await source.start?.();
    const reading = await source.sample();
    expect(!reading.available && reading.reason).toMatch(
      /^no GPU found: nvidia-smi-missing-for-test not found on PATH; rocm-smi not found on PATH; systeminformation.graphics\(\) lists no display controller$/,
    );
  });

  it('reports Apple silicon unified memory from the OS', async () => {
    const source = createGpuSource({
      io: { ...io, platform: 'darwin' },
      backends: ['apple'],
      cpuArchitecture: 'arm64',
    });
    await source.start?.();
    const reading = await source.sample();
    if (!reading.available) throw new Error(reading.reason);
    expect(reading.backend).toBe('apple');
    expect(reading.devices[0]).toMatchObject({ vendor: 'apple', unifiedMemory: true });
    expect(reading.devices[0]?.memoryTotalBytes).toBeGreaterThan(0);
  });

  it('lists GPUs from systeminformation.graphics() as the fallback', async () => {
    const source = createGpuSource({
      backends: ['systeminformation'],
      graphics: async () => ({
        controllers: [{ vendor: 'Intel Corporation', model: 'Arc A770', vram: 16_384 }],
      }),
    });
    await source.start?.();
    const reading = await source.sample();
    if (!reading.available) throw new Error(reading.reason);
    expect(reading.devices[0]).toMatchObject({
      name: 'Intel Corporation Arc A770',
      vendor: 'other',
      memoryTotalBytes: 16 * 1024 ** 3,
      utilisationPercent: null,
    });
  });
});
