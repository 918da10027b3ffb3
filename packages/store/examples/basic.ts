// node examples/basic.ts   (after `pnpm --filter @ollamamon/store build`)
// Opens a store in a temporary folder, keeps a chat, searches it, backs it up and restores it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@ollamamon/store';

const home = mkdtempSync(join(tmpdir(), 'ollamamon-example-'));
const store = openStore({ home }); // an app would pass defaultHome(process.env)

const chat = store.chats.create({ title: 'Sky', model: 'llama3.2:1b', host: 'local' });
store.chats.append(chat.id, { role: 'user', content: 'Why is the sky blue?' });
store.chats.append(chat.id, {
  role: 'assistant',
  content: 'Sunlight is scattered by the air; blue light scatters most (Rayleigh scattering).',
  model: 'llama3.2:1b',
  host: 'local',
  metrics: { outputTokens: 18, tokensPerSecond: 52.3, timeToFirstTokenMs: 140 },
});
store.usage.record({
  host: 'local',
  model: 'llama3.2:1b',
  outputTokens: 18,
  tokensPerSecond: 52.3,
});
store.notes.set({ host: 'local', model: 'llama3.2:1b', favourite: true, tags: ['small'] });

console.log(store.chats.search('rayleigh').map((hit) => hit.snippet));
console.log(store.chats.exportMarkdown(chat.id));

const backup = await store.createBackup();
console.log(`backup: ${backup.file} (${backup.sizeBytes} bytes)`, backup.counts);
store.chats.remove(chat.id);
const report = await store.restoreBackup(backup.file, { mode: 'merge' });
console.log('restored chats:', report.sections.chats, store.chats.list().length);
store.close();
