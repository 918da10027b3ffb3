import { describe, expect, it } from 'vitest';
import { gpuDevice, healthySnapshot, hostPs, runner } from './__fixtures__/snapshots.js';
import { evaluateWarnings } from './evaluate-warnings.js';
import { joinModels } from './join-models.js';
import type { MemoryReading, MonitorSnapshot } from './types.js';

const gibibyte = 1024 ** 3;

function withMemory(overrides: Partial<MemoryReading>): MonitorSnapshot {
  const base = healthySnapshot();
  if (!base.memory.available) throw new Error('fixture');
  return { ...base, memory: { ...base.memory, ...overrides } };
}

describe('evaluateWarnings', () => {
  it('warns nothing on a healthy machine', () => {
    expect(evaluateWarnings(healthySnapshot(), healthySnapshot())).toEqual([]);
  });

  it('warns of memory pressure when available RAM is low, critical when very low', () => {
    expect(evaluateWarnings(withMemory({ availableBytes: 4.5 * gibibyte }), null)).toEqual([
      {
        level: 'warning',
        code: 'memory-pressure',
        subject: 'memory',
        message:
          'only 4.5 GiB of 64.0 GiB RAM available (7%); loading another model may run out of memory',
      },
    ]);
    expect(evaluateWarnings(withMemory({ availableBytes: 2 * gibibyte }), null)[0]?.level).toBe(
      'critical',
    );
  });

  it('warns of memory pressure from PSI even with RAM available', () => {
    const snapshot = withMemory({
      pressure: { someAvg10: 23.51, someAvg60: 12, fullAvg10: 9, fullAvg60: 4 },
    });
    expect(evaluateWarnings(snapshot, null)).toMatchObject([
      { code: 'memory-pressure', message: 'tasks stalled on memory 23.5% of the last 10 s (PSI)' },
    ]);
  });

  it('warns that swap is growing only when swap-out is fast and swap use rose', () => {
    const previous = withMemory({ swapUsedBytes: 2 * gibibyte });
    const growing = withMemory({
      swapUsedBytes: 3 * gibibyte,
      swapOutBytesPerSecond: 12.5 * 1024 ** 2,
    });
    expect(evaluateWarnings(growing, previous)).toEqual([
      {
        level: 'warning',
        code: 'swap-growing',
        subject: 'swap',
        message: 'swap is growing: 12.5 MiB/s written out, 3.0 GiB used',
      },
    ]);
    expect(evaluateWarnings(growing, growing)).toEqual([]); // use did not rise
    expect(
      evaluateWarnings(
        withMemory({ swapUsedBytes: 3 * gibibyte, swapOutBytesPerSecond: 4096 }),
        previous,
      ),
    ).toEqual([]);
  });

  it('warns when a GPU is nearly full and when it runs hot', () => {
    const snapshot = healthySnapshot({
      gpus: {
        available: true,
        backend: 'nvidia-smi',
        processes: [],
        devices: [
          gpuDevice({ memoryUsedBytes: 23.4 * gibibyte, temperatureCelsius: 87 }),
          gpuDevice({ index: 1, name: 'NVIDIA GeForce RTX 3090', temperatureCelsius: 96 }),
        ],
      },
    });
    expect(evaluateWarnings(snapshot, null)).toEqual([
      {
        level: 'warning',
        code: 'vram-nearly-full',
        subject: 'gpu:0',
        message: 'GPU 0 (NVIDIA GeForce RTX 4090) memory is 98% full (23.4 GiB of 24.0 GiB)',
      },
      {
        level: 'warning',
        code: 'gpu-temperature-high',
        subject: 'gpu:0',
        message: 'GPU 0 (NVIDIA GeForce RTX 4090) is at 87 °C',
      },
      {
        level: 'critical',
        code: 'gpu-temperature-high',
        subject: 'gpu:1',
        message: 'GPU 1 (NVIDIA GeForce RTX 3090) is at 96 °C',
      },
    ]);
  });

  it('warns that a loaded model spills to CPU, with the share', () => {
    const snapshot = healthySnapshot();
    const hosts = joinModels([hostPs()], { available: true, processes: [runner()] }, snapshot.gpus);
    expect(evaluateWarnings({ ...snapshot, hosts }, null)).toEqual([
      {
        level: 'warning',
        code: 'model-spilling-to-cpu',
        subject: 'model:local/llama3.1:70b',
        message: 'llama3.1:70b is 38% on CPU; expect slow generation',
      },
    ]);
  });

  it('does not call a model on a GPU-less host a spill', () => {
    const noGpu = healthySnapshot({ gpus: { available: false, reason: 'no GPU found' } });
    const models = hostPs().models.map((model) => ({ ...model, size_vram: 0 }));
    const hosts = joinModels([hostPs({ models })], { available: true, processes: [] }, noGpu.gpus);
    expect(evaluateWarnings({ ...noGpu, hosts }, null)).toEqual([]);
    // A remote host with everything on CPU says nothing about its GPUs either.
    const remote = joinModels(
      [hostPs({ models, local: false })],
      { available: true, processes: [] },
      healthySnapshot().gpus,
    );
    expect(evaluateWarnings({ ...healthySnapshot(), hosts: remote }, null)).toEqual([]);
  });

  it('warns that a host is down', () => {
    const snapshot = healthySnapshot({
      hosts: [
        {
          name: 'gpu-box',
          local: false,
          up: false,
          error: 'connect ECONNREFUSED 10.0.0.7:11434',
          models: [],
        },
      ],
    });
    expect(evaluateWarnings(snapshot, null)).toEqual([
      {
        level: 'critical',
        code: 'host-down',
        subject: 'host:gpu-box',
        message: 'host gpu-box is down: connect ECONNREFUSED 10.0.0.7:11434',
      },
    ]);
  });

  it('takes thresholds', () => {
    const snapshot = withMemory({ availableBytes: 12 * gibibyte });
    expect(evaluateWarnings(snapshot, null)).toEqual([]);
    const thresholds = {
      availableMemoryRatio: 0.25,
      availableMemoryCriticalRatio: 0.05,
      pressureSomeAvg10: 10,
      swapOutBytesPerSecond: 1,
      vramUsedRatio: 0.95,
      modelCpuShare: 0.01,
      gpuTemperatureCelsius: 85,
      gpuTemperatureCriticalCelsius: 95,
    };
    expect(evaluateWarnings(snapshot, null, thresholds).map((warning) => warning.code)).toEqual([
      'memory-pressure',
    ]);
  });
});
