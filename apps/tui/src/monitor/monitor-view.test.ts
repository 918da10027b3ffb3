import type { MonitorSnapshot } from '@ollamamon/monitor';
import { describe, expect, it } from 'vitest';
import { monitorView, splitText } from './monitor-view.js';

const GiB = 1024 ** 3;
const at = Date.parse('2026-11-24T01:00:00Z');

const snapshot = (overrides: Partial<MonitorSnapshot> = {}): MonitorSnapshot => ({
  sequence: 3,
  takenAtMs: at,
  cpu: {
    available: true,
    utilisationPercent: 42,
    perCorePercent: [40, 44],
    loadAverage: [0.5, 0.4, 0.3],
    frequencyMhz: null,
    cores: 2,
  },
  memory: {
    available: true,
    totalBytes: 16 * GiB,
    usedBytes: 14 * GiB,
    availableBytes: 2 * GiB,
    swapTotalBytes: 0,
    swapUsedBytes: 0,
    swapInBytesPerSecond: null,
    swapOutBytesPerSecond: null,
    pressure: null,
  },
  gpus: { available: false, reason: 'nvidia-smi, rocm-smi not found; no GPU reported by the OS' },
  temperatures: { available: true, cpuCelsius: null, sensors: [] },
  processes: { available: true, processes: [] },
  hosts: [
    {
      name: 'local',
      local: true,
      up: true,
      error: null,
      models: [
        {
          name: 'llama3.1:70b',
          model: 'llama3.1:70b',
          digest: 'd',
          size: 40 * GiB,
          size_vram: 24.8 * GiB,
          context_length: 8192,
          expires_at: new Date(at + 4 * 60_000).toISOString(),
          parameterSize: '70B',
          quantizationLevel: 'Q4_K_M',
          cpuShare: 0.38,
          runnerPid: 1,
          runnerMatch: 'model-path',
          devices: [{ gpuIndex: 0, name: 'RTX 4090', usedMemoryBytes: 24.8 * GiB }],
        },
      ],
    },
    { name: 'far', local: false, up: false, error: 'connection refused', models: [] },
  ],
  warnings: [
    {
      level: 'warning',
      code: 'model-spilling-to-cpu',
      subject: 'local/llama3.1:70b',
      message: 'llama3.1:70b is 38% on CPU; expect slow generation',
    },
  ],
  ...overrides,
});

const history = {
  series: (metric: string) => ({
    values: metric === 'cpu.utilisation_percent' ? [0, 50, 100] : [],
  }),
};

describe('monitorView', () => {
  it('lists CPU, memory and swap with sparklines, and says why GPUs are not available', () => {
    const view = monitorView(snapshot(), history, { sparkWidth: 10 });
    expect(view.metrics.map((line) => line.label)).toEqual(['CPU', 'Memory', 'Swap', 'Temp']);
    expect(view.metrics[0]).toMatchObject({
      value: '42% of 2 cores · load 0.50 0.40 0.30',
      spark: '▁▅█',
    });
    expect(view.metrics[1]?.level).toBe('warning');
    expect(view.gpuUnavailable).toBe('nvidia-smi, rocm-smi not found; no GPU reported by the OS');
    expect(view.metrics[3]?.value).toBe('no sensors exposed');
  });

  it('shows each loaded model with its device and CPU/GPU split, hosts down and warnings', () => {
    const view = monitorView(snapshot(), history, { sparkWidth: 10 });
    expect(view.models).toEqual([
      expect.objectContaining({
        name: 'llama3.1:70b',
        split: '38% CPU / 62% GPU',
        context: '8,192',
        expires: 'in 4m',
      }),
    ]);
    expect(view.models[0]?.device).toMatch(/^GPU 0 /);
    expect(view.hostsDown).toEqual([{ name: 'far', error: 'connection refused' }]);
    expect(view.warnings[0]?.message).toContain('38% on CPU');
  });

  it('draws GPU lines when a GPU tool answers', () => {
    const view = monitorView(
      snapshot({
        gpus: {
          available: true,
          backend: 'nvidia-smi',
          processes: [],
          devices: [
            {
              index: 0,
              id: 'GPU-1',
              vendor: 'nvidia',
              name: 'RTX 4090',
              utilisationPercent: 97,
              memoryUsedBytes: 23 * GiB,
              memoryTotalBytes: 24 * GiB,
              temperatureCelsius: 71,
              powerWatts: 320,
              powerLimitWatts: 450,
              fanPercent: 60,
              smClockMhz: null,
              memoryClockMhz: null,
              unifiedMemory: false,
            },
          ],
        },
      }),
      history,
      { sparkWidth: 10 },
    );
    expect(view.gpuUnavailable).toBeUndefined();
    expect(view.metrics.find((line) => line.label === 'GPU 0')).toMatchObject({
      level: 'critical',
    });
  });
});

describe('splitText', () => {
  it('names the split', () => {
    expect(splitText({ size: 10, size_vram: 10 })).toBe('100% GPU');
    expect(splitText({ size: 10, size_vram: 0 })).toBe('100% CPU');
    expect(splitText({ size: 10, size_vram: 4 })).toBe('60% CPU / 40% GPU');
  });
});
