import { once } from 'node:events';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createClient } from '@ollamamon/client';
import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFixtureTree, fakeNvidiaSmi, fixturePath } from './__fixtures__/fixtures.js';
import { createMonitor } from './create-monitor.js';
import { MonitorOptionError } from './errors/monitor-option-error.js';
import { createSystemIo } from './io/system-io.js';
import { createCpuSource } from './sources/cpu-source.js';
import { createGpuSource } from './sources/gpu-source.js';
import { createMemorySource } from './sources/memory-source.js';
import { blobPathFromModelfile } from './sources/ollama-model-source.js';
import { createOllamaProcessSource } from './sources/ollama-process-source.js';
import { createTemperatureSource } from './sources/temperature-source.js';
import type { MonitorSnapshot, MonitorWarning } from './types.js';

const gibibyte = 1024 ** 3;
const io = { ...createSystemIo(), platform: 'linux' as const };
let simulator: Simulator;
let closedPortUrl = '';
let directory = '';

beforeAll(async () => {
  simulator = await startSimulator({
    models: ['llama3.1:70b', 'llama3.2:3b'],
    loaded: ['llama3.2:3b', 'llama3.1:70b'],
    vramBytes: 24 * gibibyte,
    loadDelayMs: 0,
    tokenDelayMs: 0,
  });
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  closedPortUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 1}`;
  server.close();
});
afterAll(() => simulator.close());
afterEach(() => rm(directory, { recursive: true, force: true }));

/** A fixture /proc whose runner 4121 serves the simulator's llama3.1:70b blob. */
async function procTreeFor70b(): Promise<string> {
  const tree = await copyFixtureTree('proc');
  const shown = await createClient({ host: simulator.url }).show({ model: 'llama3.1:70b' });
  const blob = blobPathFromModelfile(shown.modelfile ?? '');
  if (!blob) throw new Error(`no FROM blob in ${shown.modelfile}`);
  const cmdline = await readFile(`${tree}/4121/cmdline`, 'utf8');
  await writeFile(
    `${tree}/4121/cmdline`,
    cmdline.replace(/\/usr\/share[^\0]*sha256-[0-9a-f]{64}/, blob),
  );
  return tree;
}

function fixtureMonitor(tree: string) {
  return createMonitor({
    intervalMs: 200,
    io,
    sources: {
      cpu: createCpuSource({ io, procRoot: tree }),
      memory: createMemorySource({ io, procRoot: tree }),
      gpus: createGpuSource({ io, intervalMs: 200, nvidiaSmiCommand: fakeNvidiaSmi() }),
      temperatures: createTemperatureSource({ io, sysRoot: fixturePath('sys') }),
      processes: createOllamaProcessSource({ io, procRoot: tree }),
    },
    hosts: [
      { name: 'local', url: simulator.url },
      { name: 'gpu-box', url: closedPortUrl, local: false },
    ],
  });
}

async function until(
  monitor: ReturnType<typeof createMonitor>,
  done: (snapshot: MonitorSnapshot) => boolean,
) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const snapshot = await monitor.sample();
    if (done(snapshot)) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return monitor.sample();
}

describe('createMonitor', () => {
  it("joins the simulator's /api/ps with the runner process and its GPUs, and raises the warnings", async () => {
    directory = await procTreeFor70b();
    const monitor = fixtureMonitor(directory);
    const started: MonitorWarning[] = [];
    monitor.on('warning-start', (warning) => started.push(warning));
    try {
      await monitor.start();
      const snapshot = await until(
        monitor,
        (s) => s.gpus.available && s.gpus.processes.length === 3,
      );
      const [local, remote] = snapshot.hosts;
      const big = local?.models.find((model) => model.name === 'llama3.1:70b');
      expect(big).toMatchObject({ runnerPid: 4121, runnerMatch: 'model-path' });
      expect(big?.devices.map((device) => device.name)).toEqual([
        'NVIDIA GeForce RTX 4090',
        'NVIDIA GeForce RTX 3090',
      ]);
      expect(big && big.size_vram < big.size).toBe(true);
      expect(remote).toMatchObject({ name: 'gpu-box', up: false, models: [] });
      expect(remote?.error).toMatch(/127\.0\.0\.1/);
      const codes = snapshot.warnings.map((warning) => `${warning.code} ${warning.subject}`);
      expect(codes).toEqual([
        'memory-pressure memory',
        'vram-nearly-full gpu:0',
        'model-spilling-to-cpu model:local/llama3.1:70b',
        'host-down host:gpu-box',
      ]);
      const spill = snapshot.warnings.find((warning) => warning.code === 'model-spilling-to-cpu');
      expect(spill?.message).toMatch(/^llama3\.1:70b is \d+% on CPU; expect slow generation$/);
      expect(started.map((warning) => warning.code).sort()).toEqual([
        'host-down',
        'memory-pressure',
        'model-spilling-to-cpu',
        'vram-nearly-full',
      ]);
      expect(monitor.history.series('gpu.0.memory_used_bytes').values.at(-1)).toBe(
        23_810 * 1024 ** 2,
      );
      expect(monitor.history.metrics()).toContain('cpu.utilisation_percent');
    } finally {
      await monitor.stop();
    }
  });

  it('ends a warning when its cause goes away', async () => {
    directory = await procTreeFor70b();
    const monitor = fixtureMonitor(directory);
    const ended: string[] = [];
    monitor.on('warning-end', (warning) => ended.push(warning.code));
    try {
      const first = await monitor.start();
      expect(first.warnings.map((warning) => warning.code)).toContain('memory-pressure');
      const meminfo = await readFile(`${directory}/meminfo`, 'utf8');
      await writeFile(
        `${directory}/meminfo`,
        meminfo.replace(/MemAvailable:\s+\d+/, 'MemAvailable:   40000000'),
      );
      await writeFile(
        `${directory}/pressure/memory`,
        'some avg10=0.00 avg60=0.00 avg300=0.00 total=1\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=1\n',
      );
      const second = await monitor.sample();
      expect(second.warnings.map((warning) => warning.code)).not.toContain('memory-pressure');
      expect(ended).toEqual(['memory-pressure']);
    } finally {
      await monitor.stop();
    }
  });

  it('yields snapshots to an async iterator until stopped', async () => {
    const monitor = createMonitor({
      intervalMs: 100,
      sources: { gpus: false, temperatures: false, processes: false },
    });
    await monitor.start();
    const sequences: number[] = [];
    for await (const snapshot of monitor) {
      sequences.push(snapshot.sequence);
      if (sequences.length === 2) void monitor.stop();
    }
    expect(sequences).toHaveLength(2);
    expect(sequences[1]).toBeGreaterThan(sequences[0] ?? 0);
    expect(monitor.snapshot()?.gpus).toEqual({ available: false, reason: 'disabled' });
  });

  it('tracks load time and tokens/s from a real chat through the client', async () => {
    const monitor = createMonitor({
      sources: { cpu: false, memory: false, gpus: false, temperatures: false, processes: false },
    });
    const client = createClient({ host: simulator.url });
    const observed: string[] = [];
    monitor.on('observation', (observation) => observed.push(observation.model));
    const result = await client.chat({
      model: 'llama3.2:3b',
      messages: [{ role: 'user', content: 'Say hi' }],
      stream: false,
    });
    const fromTimings = monitor.performance.observe({
      host: 'local',
      model: 'llama3.2:3b',
      timings: result.timings,
    });
    const fromResponse = monitor.performance.observe({
      host: 'local',
      model: 'llama3.2:3b',
      response: result,
    });
    expect(fromTimings.tokensPerSecond).toBeGreaterThan(0);
    expect(fromResponse.tokensPerSecond).toBeCloseTo(fromTimings.tokensPerSecond ?? 0, 6);
    expect(fromResponse.outputTokens).toBe(result.eval_count);
    const [summary] = monitor.performance.summary();
    expect(summary).toMatchObject({ host: 'local', model: 'llama3.2:3b', count: 2 });
    expect(monitor.history.series('model.local/llama3.2:3b.tokens_per_second').values).toHaveLength(
      2,
    );
  });

  it('rejects an interval below 100 ms with a typed error', () => {
    const failure = (() => {
      try {
        createMonitor({ intervalMs: 10 });
      } catch (error) {
        return error;
      }
    })();
    expect(MonitorOptionError.isInstance(failure) && failure.message).toBe(
      'intervalMs: must be a number >= 100, got 10',
    );
  });
});
