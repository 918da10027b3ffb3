// Monitor overhead: CPU time the monitor itself uses while sampling every second, as a share of one
// core, and the processes it spawns per sample after start-up. The long-lived nvidia-smi is stood in
// by src/__fixtures__/fake-nvidia-smi.mjs (prints the recorded CSV every interval, as nvidia-smi does),
// and one Ollama host is the simulator in a separate process with a model loaded.
//   pnpm --filter @ollamamon/monitor bench            (60 s)
//   node bench/run.ts --seconds 10                   (quicker)
import childProcess, { type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';

const secondsFlag = process.argv.indexOf('--seconds');
const seconds = secondsFlag > 0 ? Number(process.argv[secondsFlag + 1]) : 60;
const intervalMs = 1000;

// Count every process spawned from here on: async spawns all go through ChildProcess.prototype.spawn;
// the sync ones are wrapped on the module (systeminformation uses execSync on some paths).
const spawned: Array<{ atMs: number; file: string; pid: number | undefined }> = [];
const prototype = childProcess.ChildProcess.prototype as ChildProcess & {
  spawn(options: { file: string }): unknown;
};
const originalSpawn = prototype.spawn;
prototype.spawn = function countedSpawn(this: ChildProcess, options: { file: string }) {
  const result = originalSpawn.call(this, options);
  spawned.push({ atMs: performance.now(), file: options.file, pid: this.pid });
  return result;
};
for (const name of ['spawnSync', 'execSync', 'execFileSync'] as const) {
  const original = childProcess[name] as (...args: unknown[]) => unknown;
  (childProcess as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    spawned.push({ atMs: performance.now(), file: String(args[0]), pid: undefined });
    return original(...args);
  };
}
syncBuiltinESMExports();

const { createMonitor, createGpuSource } = await import('@ollamamon/monitor');

// The simulator runs in its own process so its CPU is not counted as the monitor's.
const simulatorBin = fileURLToPath(
  import.meta.resolve('@ollamamon/simulator/package.json'),
).replace(/package\.json$/, 'dist/bin.js');
const simulator = childProcess.spawn(
  process.execPath,
  [simulatorBin, '--port', '0', '--models', 'llama3.2:1b'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise<string>((resolve, reject) => {
  simulator.stdout?.on('data', (chunk: Buffer) => {
    const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
    if (match?.[1]) resolve(match[1]);
  });
  simulator.once('exit', () => reject(new Error('simulator exited')));
});
await fetch(`${url}/api/generate`, {
  method: 'POST',
  body: JSON.stringify({ model: 'llama3.2:1b', prompt: '', keep_alive: '1h' }),
}).then((response) => response.text());

const fakeNvidiaSmi = fileURLToPath(
  new URL('../src/__fixtures__/fake-nvidia-smi.mjs', import.meta.url),
);
const monitor = createMonitor({
  intervalMs,
  sources: {
    gpus: createGpuSource({ intervalMs, nvidiaSmiCommand: [process.execPath, fakeNvidiaSmi] }),
  },
  hosts: [{ name: 'local', url }],
});

const spawnsBeforeStart = spawned.length;
await monitor.start();
const startupSpawns = spawned.slice(spawnsBeforeStart);
const standInPids = startupSpawns
  .map((entry) => entry.pid)
  .filter((pid): pid is number => pid !== undefined);
const ticks = (pid: number | 'self') => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return {
    own: Number(fields[11]) + Number(fields[12]),
    children: Number(fields[13]) + Number(fields[14]),
  };
};
const standInTicks = () => standInPids.reduce((sum, pid) => sum + ticks(pid).own, 0);

// Measure after start-up: from the first sample on, over `seconds` of sampling every second.
let samples = 0;
const sampleDurations: number[] = [];
let lastSample = performance.now();
monitor.on('sample', () => {
  samples += 1;
  const now = performance.now();
  sampleDurations.push(now - lastSample);
  lastSample = now;
});
const spawnsAtStart = spawned.length;
const cpuAtStart = process.cpuUsage();
const standInAtStart = standInTicks();
const wallAtStart = performance.now();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const cpu = process.cpuUsage(cpuAtStart);
const wallMs = performance.now() - wallAtStart;
const standInMs = (standInTicks() - standInAtStart) * 10; // USER_HZ = 100
const spawnsDuringSampling = spawned.length - spawnsAtStart;
const snapshot = monitor.snapshot();
await monitor.stop();
simulator.kill();

const cpuMs = (cpu.user + cpu.system) / 1000;
const share = cpuMs / wallMs;
const result = {
  seconds,
  intervalMs,
  samples,
  monitorCpuMs: Math.round(cpuMs),
  monitorCpuShareOfOneCore: `${(share * 100).toFixed(3)}%`,
  cpuMsPerSample: Number((cpuMs / Math.max(1, samples)).toFixed(2)),
  startupSpawns: startupSpawns.map((entry) => entry.file.split('/').pop()),
  spawnsDuringSampling,
  spawnsPerSample: spawnsDuringSampling / Math.max(1, samples),
  standInNvidiaSmiCpuShare: `${((standInMs / wallMs) * 100).toFixed(3)}% (2 stand-in processes; real nvidia-smi differs)`,
  gpus: snapshot?.gpus.available
    ? snapshot.gpus.devices.map((device) => device.name)
    : snapshot?.gpus,
  loadedModels: snapshot?.hosts[0]?.models.map((model) => model.name),
  targets: {
    cpuShareAtMost1Percent: share <= 0.01 ? 'met' : 'MISSED',
    zeroSpawnsPerSampleAfterStartup: spawnsDuringSampling === 0 ? 'met' : 'MISSED',
  },
};
const target = (met: boolean) => (met ? 'met' : 'MISSED');
console.log(
  `monitor sampling every ${intervalMs} ms for ${seconds} s (${samples} samples, node ${process.version})`,
);
console.table([
  {
    measure: 'CPU of the monitor, share of one core',
    value: result.monitorCpuShareOfOneCore,
    target: '<= 1%',
    verdict: target(share <= 0.01),
  },
  {
    measure: 'CPU per sample',
    value: `${result.cpuMsPerSample} ms`,
    target: '',
    verdict: '',
  },
  {
    measure: 'processes spawned per sample after start-up',
    value: String(result.spawnsPerSample),
    target: '0',
    verdict: target(spawnsDuringSampling === 0),
  },
  {
    measure: 'processes spawned at start-up',
    value: result.startupSpawns.join(', ') || 'none',
    target: '',
    verdict: '',
  },
  {
    measure: 'stand-in nvidia-smi loops',
    value: result.standInNvidiaSmiCpuShare,
    target: '',
    verdict: '',
  },
]);
console.log(JSON.stringify(result));
