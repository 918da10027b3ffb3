import { readFileSync } from 'node:fs';
import type { HostPs, PsModel } from '../sources/ollama-model-source.js';
import type { GpuDevice, GpuReadingData, MonitorSnapshot, OllamaProcess, Reading } from '../types.js';
import { fixturePath } from './fixtures.js';

const gibibyte = 1024 ** 3;

/** `/api/ps` of a host with llama3.1:70b split across two GPUs and RAM, and llama3.2:3b on GPU 1. */
export function recordedPs(): PsModel[] {
  return (JSON.parse(readFileSync(fixturePath('api-ps-two-models.json'), 'utf8')) as { models: PsModel[] })
    .models;
}

export const blobOf70b =
  '/usr/share/ollama/.ollama/models/blobs/sha256-de20d2cf2dc430b1717a8b07a9df029d651f3895dbffec4729a3902a6fe344c9';
export const blobOf3b =
  '/usr/share/ollama/.ollama/models/blobs/sha256-dde5aa3fc5ffc17176b5e8bdc82f587b24b2678c6c66101bf7da77af9f7ccdff';

export function hostPs(overrides: Partial<HostPs> = {}): HostPs {
  return {
    name: 'local',
    local: true,
    up: true,
    error: null,
    models: recordedPs(),
    blobPaths: new Map([
      ['llama3.1:70b', blobOf70b],
      ['llama3.2:3b', blobOf3b],
    ]),
    ...overrides,
  };
}

export function gpuDevice(overrides: Partial<GpuDevice> = {}): GpuDevice {
  return {
    index: 0,
    id: 'GPU-0',
    vendor: 'nvidia',
    name: 'NVIDIA GeForce RTX 4090',
    utilisationPercent: 10,
    memoryUsedBytes: 4 * gibibyte,
    memoryTotalBytes: 24 * gibibyte,
    temperatureCelsius: 55,
    powerWatts: 80,
    powerLimitWatts: 450,
    fanPercent: 30,
    smClockMhz: 2500,
    memoryClockMhz: 10_500,
    unifiedMemory: false,
    ...overrides,
  };
}

export function runner(overrides: Partial<OllamaProcess> = {}): OllamaProcess {
  return {
    pid: 4121,
    parentPid: 812,
    role: 'runner',
    command: 'ollama runner',
    cpuPercent: 100,
    rssBytes: gibibyte,
    vramBytes: 0,
    modelPath: blobOf70b,
    port: 39_125,
    contextSize: 8192,
    gpuLayers: 50,
    ...overrides,
  };
}

/** A healthy machine: plenty of RAM, no swap, one cool GPU with room, nothing loaded. */
export function healthySnapshot(overrides: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  const gpus: Reading<GpuReadingData> = {
    available: true,
    backend: 'nvidia-smi',
    devices: [gpuDevice()],
    processes: [],
  };
  return {
    sequence: 1,
    takenAtMs: 1_795_500_000_000,
    cpu: {
      available: true,
      utilisationPercent: 12.5,
      perCorePercent: [10, 15],
      loadAverage: [0.5, 0.4, 0.3],
      frequencyMhz: 3000,
      cores: 2,
    },
    memory: {
      available: true,
      totalBytes: 64 * gibibyte,
      usedBytes: 16 * gibibyte,
      availableBytes: 48 * gibibyte,
      swapTotalBytes: 8 * gibibyte,
      swapUsedBytes: 0,
      swapInBytesPerSecond: 0,
      swapOutBytesPerSecond: 0,
      pressure: { someAvg10: 0, someAvg60: 0, fullAvg10: 0, fullAvg60: 0 },
    },
    gpus,
    temperatures: { available: true, cpuCelsius: 48, sensors: [{ label: 'k10temp/Tctl', celsius: 48 }] },
    processes: { available: true, processes: [] },
    hosts: [{ name: 'local', local: true, up: true, error: null, models: [] }],
    warnings: [],
    ...overrides,
  };
}
