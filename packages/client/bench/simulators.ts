// Child process for bench/run.ts: starts `count` simulators, prints their URLs as one JSON line,
// and closes them when stdin ends. A separate process keeps the simulators' CPU time out of the
// client's process.cpuUsage().
import { startSimulator } from '@ollamamon/simulator';

const [count = '1', faults = 'false', model = 'qwen3:0.6b', tokens = '1000'] =
  process.argv.slice(2);
const simulators: Array<Awaited<ReturnType<typeof startSimulator>>> = [];
for (let index = 0; index < Number(count); index++) {
  const simulator = await startSimulator({
    models: [model],
    loaded: [model],
    tokenDelayMs: 0,
    loadDelayMs: 0,
    responseTokens: { min: Number(tokens), max: Number(tokens) },
  });
  if (faults === 'true' && index < 5) simulator.addFault({ refuse: true });
  else if (faults === 'true' && index < 10) simulator.addFault({ stallAfterChunks: 0 });
  simulators.push(simulator);
}
process.stdout.write(`${JSON.stringify(simulators.map((simulator) => simulator.url))}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()));
  process.exit(0);
});
