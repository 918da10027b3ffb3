// pnpm --filter @ollamamon/store bench
// Inserts 100k chat messages through the store and, in the same run, through raw node:sqlite
// (same schema, same pragmas, same batching), then searches them, and reports size on disk.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type MessageInput, openStore } from '@ollamamon/store';

const messageCount = Number(process.argv[2] ?? 100_000);
const perChat = 100;
const rounds = Number(process.argv[3] ?? 3);
const words = (
  'model token context window quantized weights llama qwen mistral gemma vision embedding ' +
  'prompt reply stream latency throughput memory gpu cpu offload layer cache kernel batch ' +
  'sunlight rayleigh scattering ocean tides moon gravity orbit planet comet nebula galaxy'
).split(' ');

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const sentence = (length: number) =>
  Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');

const messages: MessageInput[] = Array.from({ length: messageCount }, (_, index) => {
  const assistant = index % 2 === 1;
  return {
    role: assistant ? 'assistant' : 'user',
    // 1 message in 1000 holds a rare word, for a selective search next to the common-word ones.
    content: `${sentence(assistant ? 60 : 15)}${index % 1000 === 7 ? ' zephyr' : ''}`,
    ...(assistant && {
      thinking: sentence(20),
      model: 'qwen3:8b',
      host: 'local',
      metrics: {
        promptTokens: 40,
        outputTokens: 80,
        timeToFirstTokenMs: 120,
        tokensPerSecond: 48.2,
      },
    }),
  };
});
const chunks: MessageInput[][] = [];
for (let start = 0; start < messages.length; start += perChat) {
  chunks.push(messages.slice(start, start + perChat));
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const temporary = () => mkdtempSync(join(tmpdir(), 'ollamamon-bench-'));

function benchStore(): { ms: number; home: string; schema: string[] } {
  const home = temporary();
  const store = openStore({ home });
  const started = performance.now();
  for (const chunk of chunks) {
    const chat = store.chats.create({ title: 'bench', model: 'qwen3:8b', host: 'local' });
    store.chats.appendMany(chat.id, chunk);
  }
  const ms = performance.now() - started;
  store.close();
  const sqlite = new DatabaseSync(join(home, 'ollamamon.db'));
  const schema = (
    sqlite
      .prepare(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND NOT (type = 'table' AND name LIKE 'messages_fts_%') ORDER BY rowid",
      )
      .all() as { sql: string }[]
  ).map((row) => row.sql);
  sqlite.close();
  return { ms, home, schema };
}

function benchRaw(schema: string[] | undefined): { ms: number; home: string } {
  const home = temporary();
  const sqlite = new DatabaseSync(join(home, 'raw.db'), { timeout: 5000 });
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON');
  if (schema) {
    for (const sql of schema) sqlite.exec(sql);
  } else {
    sqlite.exec(`CREATE TABLE chats (id TEXT PRIMARY KEY, title TEXT NOT NULL, host TEXT, model TEXT,
      options TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE messages (id INTEGER PRIMARY KEY, chat_id TEXT NOT NULL, role TEXT NOT NULL,
      content TEXT NOT NULL, thinking TEXT, images TEXT, tool_calls TEXT, tool_name TEXT, host TEXT,
      model TEXT, options TEXT, metrics TEXT, created_at INTEGER NOT NULL)`);
  }
  const insertChat = sqlite.prepare(
    'INSERT INTO chats (id, title, host, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insert = sqlite.prepare(`INSERT INTO messages (chat_id, role, content, thinking, images,
    tool_calls, tool_name, host, model, options, metrics, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const started = performance.now();
  for (const chunk of chunks) {
    const id = crypto.randomUUID();
    const now = Date.now();
    insertChat.run(id, 'bench', 'local', 'qwen3:8b', now, now);
    sqlite.exec('BEGIN IMMEDIATE');
    for (const message of chunk) {
      insert.run(
        id,
        message.role,
        message.content,
        message.thinking ?? null,
        null,
        null,
        null,
        message.host ?? null,
        message.model ?? null,
        null,
        message.metrics === undefined ? null : JSON.stringify(message.metrics),
        now,
      );
    }
    sqlite.exec('COMMIT');
  }
  const ms = performance.now() - started;
  sqlite.close();
  return { ms, home };
}

const queries = [
  'rayleigh scattering',
  'gpu offload',
  '"context window"',
  'galax*',
  'comet nebula orbit',
];

function benchSearch(home: string, list: string[], order: 'relevance' | 'newest' = 'relevance') {
  const store = openStore({ home });
  const times: number[] = [];
  let hits = 0;
  for (let repeat = 0; repeat < 5; repeat += 1) {
    for (const query of list) {
      const started = performance.now();
      hits += store.chats.search(query, { limit: 50, order }).length;
      times.push(performance.now() - started);
    }
  }
  store.close();
  return { medianMs: median(times), maxMs: Math.max(...times), hits };
}

const storeTimes: number[] = [];
const rawTimes: number[] = [];
const plainTimes: number[] = [];
let lastStoreHome = '';
for (let round = 0; round < rounds; round += 1) {
  const store = benchStore();
  const raw = benchRaw(store.schema);
  const plain = benchRaw(undefined);
  storeTimes.push(store.ms);
  rawTimes.push(raw.ms);
  plainTimes.push(plain.ms);
  rmSync(raw.home, { recursive: true, force: true });
  rmSync(plain.home, { recursive: true, force: true });
  if (lastStoreHome) rmSync(lastStoreHome, { recursive: true, force: true });
  lastStoreHome = store.home;
}

const rate = (ms: number) => Math.round((messageCount / ms) * 1000);
const storeMs = median(storeTimes);
const rawMs = median(rawTimes);
const plainMs = median(plainTimes);
const search = benchSearch(lastStoreHome, queries);
const newestSearch = benchSearch(lastStoreHome, queries, 'newest');
const rareSearch = benchSearch(lastStoreHome, ['zephyr']);
const databaseBytes = statSync(join(lastStoreHome, 'ollamamon.db')).size;
rmSync(lastStoreHome, { recursive: true, force: true });

console.log(
  `@ollamamon/store bench: ${messageCount} messages in chats of ${perChat}, median of ${rounds} rounds, node ${process.version}`,
);
console.table({
  'store (chats.appendMany, validated, FTS5)': {
    ms: Math.round(storeMs),
    'messages/s': rate(storeMs),
  },
  'raw node:sqlite, same schema + FTS5 triggers': {
    ms: Math.round(rawMs),
    'messages/s': rate(rawMs),
  },
  'raw node:sqlite, plain table (no FTS, no index)': {
    ms: Math.round(plainMs),
    'messages/s': rate(plainMs),
  },
});
console.log(`store / raw (same schema): ${(rawMs / storeMs).toFixed(2)}x   (target >= 0.5x)`);
console.log(`store / raw (plain table):  ${(plainMs / storeMs).toFixed(2)}x`);
console.log(
  `search over ${messageCount} messages: median ${search.medianMs.toFixed(2)} ms, max ${search.maxMs.toFixed(2)} ms per query (common words: every query matches thousands of rows; limit 50, ${queries.length} queries x 5)`,
);
console.log(
  `same queries, order 'newest': median ${newestSearch.medianMs.toFixed(2)} ms, max ${newestSearch.maxMs.toFixed(2)} ms per query`,
);
console.log(
  `search for a rare word (${rareSearch.hits / 5} hits): median ${rareSearch.medianMs.toFixed(2)} ms per query`,
);
console.log(
  `size on disk: ${(databaseBytes / 1024 / 1024).toFixed(1)} MiB, ${(((databaseBytes / messageCount) * 1000) / 1024).toFixed(0)} KiB per 1k messages (incl. FTS index)`,
);
