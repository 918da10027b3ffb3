// Start the simulator in-process, chat with it, then make it misbehave.
// Run after `pnpm --filter @ollamamon/simulator build`: node examples/chat-with-faults.ts
import { startSimulator } from '@ollamamon/simulator';

const simulator = await startSimulator({ models: ['llama3.2:1b'], tokenDelayMs: 5 });
console.log(`listening on ${simulator.url}`);

const response = await fetch(`${simulator.url}/api/chat`, {
  method: 'POST',
  body: JSON.stringify({
    model: 'llama3.2:1b',
    messages: [{ role: 'user', content: 'Why is the sky blue?' }],
    stream: false,
    options: { seed: 42 },
  }),
});
const answer = await response.json();
console.log(answer.message.content);
console.log(`${answer.eval_count} tokens in ${(answer.eval_duration / 1e6).toFixed(1)} ms`);

// The next /api/chat answers 503 with Ollama's "server busy" text, once.
simulator.addFault({ path: '/api/chat', status: 503, times: 1 });
const busy = await fetch(`${simulator.url}/api/chat`, {
  method: 'POST',
  body: '{"model":"llama3.2:1b"}',
});
console.log(busy.status, await busy.json());

// The registry now has a newer llama3.2:1b than the one installed.
const digest = simulator.registry.setDigest('llama3.2:1b');
console.log(`remote digest is now ${digest.slice(0, 12)}`);

await simulator.close();
