// Pull with one aggregated progress figure, and a PullQueue with per-host concurrency.
// Run: node examples/pull-progress.ts
import { createClient, PullQueue } from '@ollamamon/client';
import { startSimulator } from '@ollamamon/simulator';

const simulator = await startSimulator({ models: [], pullBytesPerSecond: 4 * 2 ** 30 });
const client = createClient({ host: simulator.url });

await client.pull('llama3.2:1b', {
  onProgress: (progress) => {
    const percent = (progress.fraction * 100).toFixed(0).padStart(3);
    const rate = (progress.bytesPerSecond / 2 ** 20).toFixed(0);
    process.stdout.write(
      `\r${percent}%  ${rate} MiB/s  ETA ${progress.etaSeconds?.toFixed(1) ?? '?'} s  ${progress.status.padEnd(30)}`,
    );
  },
});
console.log();

const queue = new PullQueue({ concurrency: 1 });
queue.on('pull-start', (job) => console.log('start', job.model));
queue.on('pull-end', (job) => console.log('end  ', job.model, job.state));
queue.add(client, 'qwen3:0.6b');
queue.add(client, 'gemma3:1b').cancel();
queue.add(client, 'nomic-embed-text');
await queue.onIdle();
await simulator.close();
