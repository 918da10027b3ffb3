// Test child: opens the store at argv[2] and appends messages, printing each message id to stdout
// only after `append` has returned (i.e. after the commit). argv[3] = how many (0 = until killed),
// argv[4] = a label for the chat title, argv[5] = pause between writes in ms (default 0).
import { openStore } from '../open-store.ts';

const [home, countText = '0', label = 'writer', pauseText = '0'] = process.argv.slice(2);
if (home === undefined) throw new Error('usage: write-chats.ts <home> [count] [label]');
const count = Number(countText);
const pauseMs = Number(pauseText);
const store = openStore({ home, busyTimeoutMs: 10_000 });
let chat = store.chats.create({ title: `${label} chat`, model: 'llama3.2:1b', host: 'local' });
for (let index = 0; count === 0 || index < count; index += 1) {
  if (index % 50 === 49) chat = store.chats.create({ title: `${label} chat ${index}` });
  const message = store.chats.append(chat.id, {
    role: index % 2 === 0 ? 'user' : 'assistant',
    content: `${label} message ${index} about zebra${index % 7} and ${'lorem ipsum '.repeat(index % 20)}`,
    ...(index % 2 === 1 && { metrics: { outputTokens: index, tokensPerSecond: 40 + (index % 9) } }),
  });
  process.stdout.write(`${message.id}\n`);
  if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
}
store.close();
