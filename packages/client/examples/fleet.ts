// A fleet of three simulated hosts: inventory, routing with its explanation, failover, suggestions.
// Run: node examples/fleet.ts
import { createFleet } from '@ollamamon/client';
import { startSimulator } from '@ollamamon/simulator';

const gpu = await startSimulator({ models: ['qwen3:0.6b', 'llama3.1:8b'], loaded: ['qwen3:0.6b'] });
const laptop = await startSimulator({ models: ['qwen3:0.6b'] });
const spare = await startSimulator({ models: ['nomic-embed-text'] });
const fleet = createFleet({
  hosts: [
    { name: 'gpu', url: gpu.url, priority: 1 },
    { name: 'laptop', url: laptop.url },
    { name: 'spare', url: spare.url },
  ],
});

const inventory = await fleet.inventory();
for (const model of inventory.models) {
  console.log(
    `${model.name.padEnd(26)} installed on ${model.installedOn.join(', ')}; loaded on ${model.loadedOn.join(', ') || '-'}`,
  );
}
console.log(fleet.route('qwen3:0.6b').explanation);

gpu.addFault({ path: '/api/chat', refuse: true, times: 1 });
const reply = await fleet.chat({
  model: 'qwen3:0.6b',
  messages: [{ role: 'user', content: 'Hi' }],
});
console.log(
  `served by ${reply.served.host} after failing over from ${reply.served.failedOver.map((f) => f.host).join(', ')}`,
);

for (const advice of await fleet.suggestions()) console.log(`[${advice.kind}] ${advice.message}`);
const plan = await fleet.sync({ from: 'gpu', to: 'laptop', dryRun: true });
for (const item of plan.items) console.log(`sync ${item.model}: ${item.action} (${item.reason})`);
await Promise.all([gpu.close(), laptop.close(), spare.close()]);
