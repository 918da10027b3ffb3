// Streamed and non-streamed chat with timings, against an in-process simulator.
// Run: node examples/chat.ts   (from packages/client, after `pnpm turbo run build --filter=@ollamamon/client...`)
import { createClient, ModelNotFoundError } from '@ollamamon/client';
import { startSimulator } from '@ollamamon/simulator';

const simulator = await startSimulator({ models: ['qwen3:0.6b'] });
const client = createClient({ host: simulator.url, timeoutMs: 10_000, idleTimeoutMs: 5_000 });

const stream = await client.chat({
  model: 'qwen3:0.6b',
  messages: [{ role: 'user', content: 'Why is the sky blue?' }],
  think: false,
  stream: true,
});
for await (const chunk of stream) process.stdout.write(chunk.message.content);
const { ttftMs, tokensPerSecond, evalTokensPerSecond } = stream.timings;
console.log(
  `\nTTFT ${ttftMs?.toFixed(1)} ms, ${tokensPerSecond?.toFixed(0)} tok/s (client), ${evalTokensPerSecond?.toFixed(0)} tok/s (server)`,
);

const reply = await client.chat({
  model: 'qwen3:0.6b',
  messages: [{ role: 'user', content: 'Hi' }],
});
console.log(reply.message.content.slice(0, 60), reply.timings.evalCount, 'tokens');

try {
  await client.show({ model: 'not-installed' });
} catch (error) {
  if (ModelNotFoundError.isInstance(error)) console.log(`${error.name}: ${error.message}`);
}
await simulator.close();
