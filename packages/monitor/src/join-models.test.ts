import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtureTree, fakeNvidiaSmi } from './__fixtures__/fixtures.js';
import { hostPs, runner } from './__fixtures__/snapshots.js';
import { createSystemIo } from './io/system-io.js';
import { attachVram, joinModels } from './join-models.js';
import { createGpuSource } from './sources/gpu-source.js';
import { createOllamaProcessSource } from './sources/ollama-process-source.js';

const mebibyte = 1024 ** 2;
let directory = '';
afterEach(() => rm(directory, { recursive: true, force: true }));

describe('joinModels', () => {
  it('joins each /api/ps model to its runner process and that process to its GPUs (recorded outputs)', async () => {
    directory = await copyFixtureTree('proc');
    const io = { ...createSystemIo(), platform: 'linux' as const };
    const gpuSource = createGpuSource({ io, intervalMs: 200, nvidiaSmiCommand: fakeNvidiaSmi() });
    await gpuSource.start?.();
    try {
      let gpus = await gpuSource.sample();
      for (
        let attempt = 0;
        attempt < 100 && !(gpus.available && gpus.processes.length === 3);
        attempt += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        gpus = await gpuSource.sample();
      }
      const processReading = await createOllamaProcessSource({ io, procRoot: directory }).sample();
      if (!processReading.available) throw new Error(processReading.reason);
      const processes = attachVram(processReading.processes, gpus);
      expect(processes.map((process) => [process.pid, process.vramBytes / mebibyte])).toEqual([
        [812, 0],
        [4121, 23_350 + 13_976],
        [4388, 3790],
      ]);
      const [host] = joinModels([hostPs()], { available: true, processes }, gpus);
      expect(
        host?.models.map((model) => ({
          name: model.name,
          cpuShare: Math.round(model.cpuShare * 100),
          runnerPid: model.runnerPid,
          runnerMatch: model.runnerMatch,
          devices: model.devices.map(
            (device) => `${device.gpuIndex}:${device.name}:${device.usedMemoryBytes / mebibyte}`,
          ),
        })),
      ).toEqual([
        {
          name: 'llama3.1:70b',
          cpuShare: 38,
          runnerPid: 4121,
          runnerMatch: 'model-path',
          devices: ['0:NVIDIA GeForce RTX 4090:23350', '1:NVIDIA GeForce RTX 3090:13976'],
        },
        {
          name: 'llama3.2:3b',
          cpuShare: 0,
          runnerPid: 4388,
          runnerMatch: 'model-path',
          devices: ['1:NVIDIA GeForce RTX 3090:3790'],
        },
      ]);
    } finally {
      await gpuSource.stop?.();
    }
  });

  it('falls back to the only unmatched runner when the blob path is unknown', () => {
    const [host] = joinModels(
      [hostPs({ models: hostPs().models.slice(0, 1), blobPaths: new Map() })],
      { available: true, processes: [runner({ modelPath: null })] },
      { available: false, reason: 'no GPU' },
    );
    expect(host?.models[0]).toMatchObject({
      runnerPid: 4121,
      runnerMatch: 'only-candidate',
      devices: [],
    });
  });

  it('does not guess between several runners, nor join a remote host with local processes', () => {
    const processes = {
      available: true as const,
      processes: [runner({ pid: 1, modelPath: null }), runner({ pid: 2, modelPath: null })],
    };
    const [local, remote] = joinModels(
      [hostPs({ blobPaths: new Map() }), hostPs({ name: 'remote', local: false })],
      processes,
      { available: false, reason: 'no GPU' },
    );
    expect(local?.models.map((model) => model.runnerPid)).toEqual([null, null]);
    expect(remote?.models.map((model) => model.runnerPid)).toEqual([null, null]);
  });

  it('keeps a down host with its error and no models', () => {
    const [host] = joinModels(
      [hostPs({ up: false, error: 'connect ECONNREFUSED 127.0.0.1:11434', models: [] })],
      { available: true, processes: [] },
      { available: false, reason: 'no GPU' },
    );
    expect(host).toEqual({
      name: 'local',
      local: true,
      up: false,
      error: 'connect ECONNREFUSED 127.0.0.1:11434',
      models: [],
    });
  });
});
