// Worker thread for bench/run.ts: starts `count` simulators, reports their URLs, closes on request.
import { parentPort, workerData } from 'node:worker_threads';
import { startSimulator } from '@ollamamon/simulator';

const { count, faults, model, tokens } = workerData as {
  count: number;
  faults: boolean;
  model: string;
  tokens: number;
};
const simulators: Array<Awaited<ReturnType<typeof startSimulator>>> = [];
for (let index = 0; index < count; index++) {
  const simulator = await startSimulator({
    models: [model],
    loaded: [model],
    tokenDelayMs: 0,
    loadDelayMs: 0,
    responseTokens: { min: tokens, max: tokens },
  });
  if (faults && index < 5) simulator.addFault({ refuse: true });
  else if (faults && index < 10) simulator.addFault({ stallAfterChunks: 0 });
  simulators.push(simulator);
}
parentPort?.postMessage({ urls: simulators.map((simulator) => simulator.url) });
parentPort?.on('message', async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()));
  process.exit(0);
});
