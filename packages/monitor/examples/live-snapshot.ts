// Prints a live snapshot of this machine and an Ollama host every second, with warnings.
//   node examples/live-snapshot.ts                      (against an in-process simulator)
//   node examples/live-snapshot.ts http://127.0.0.1:11434   (against a real Ollama)
// Stop with Ctrl+C.
import { createMonitor, formatBytes, type MonitorSnapshot } from '@ollamamon/monitor';
import { startSimulator } from '@ollamamon/simulator';

const given = process.argv[2];
const simulator = given
  ? undefined
  : await startSimulator({
      models: ['llama3.1:8b'],
      loaded: ['llama3.1:8b'],
      vramBytes: 4 * 2 ** 30,
    });
const url = given ?? simulator?.url ?? '';

const monitor = createMonitor({ intervalMs: 1000, hosts: [{ name: 'ollama', url }] });
monitor.on('warning-start', (warning) => console.log(`! ${warning.level}: ${warning.message}`));
monitor.on('warning-end', (warning) => console.log(`✓ cleared: ${warning.message}`));

function print(snapshot: MonitorSnapshot): void {
  const { cpu, memory, gpus } = snapshot;
  const lines = [`#${snapshot.sequence} ${new Date(snapshot.takenAtMs).toISOString()}`];
  lines.push(
    cpu.available
      ? `  cpu ${cpu.utilisationPercent.toFixed(1)}%  load ${cpu.loadAverage.join(' ')}`
      : `  cpu: ${cpu.reason}`,
  );
  lines.push(
    memory.available
      ? `  ram ${formatBytes(memory.usedBytes)} used, ${formatBytes(memory.availableBytes)} available, swap ${formatBytes(memory.swapUsedBytes)}`
      : `  ram: ${memory.reason}`,
  );
  if (gpus.available) {
    for (const device of gpus.devices) {
      lines.push(
        `  gpu ${device.index} ${device.name}: ${device.utilisationPercent ?? '?'}%  ${formatBytes(device.memoryUsedBytes ?? 0)} of ${formatBytes(device.memoryTotalBytes ?? 0)}  ${device.temperatureCelsius ?? '?'} °C`,
      );
    }
  } else lines.push(`  gpu: not available (${gpus.reason})`);
  for (const host of snapshot.hosts) {
    if (!host.up) lines.push(`  ${host.name}: down (${host.error})`);
    for (const model of host.models) {
      lines.push(
        `  ${host.name}: ${model.name} ${formatBytes(model.size)}, ${Math.round((1 - model.cpuShare) * 100)}% GPU / ${Math.round(model.cpuShare * 100)}% CPU`,
      );
    }
  }
  console.log(lines.join('\n'));
}

process.once('SIGINT', () => {
  void monitor.stop().then(() => simulator?.close());
});
print(await monitor.start());
for await (const snapshot of monitor) print(snapshot);
