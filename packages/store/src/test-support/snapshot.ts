import { readFileSync } from 'node:fs';
import type { Store } from '../open-store.ts';

/** Everything a user could see in a store, for before/after comparisons. */
export function snapshot(store: Store) {
  const usage = store.usage.list();
  return {
    chats: store.chats.exportJson().chats,
    notes: store.notes.list(),
    usage,
    samples: usage.map((total) => store.usage.history(total)),
    bench: store.bench.list(),
    settings: store.settings.document(),
  };
}

/** The snapshot plus the settings file's exact text. */
export function snapshotWithFiles(store: Store) {
  return { ...snapshot(store), settingsText: readFileSync(store.settings.file, 'utf8') };
}

/** Fill a store with one of everything. */
export function fillStore(store: Store, label = 'a') {
  const chat = store.chats.create({ title: `Chat ${label}`, model: 'qwen3:8b', host: 'local' });
  store.chats.appendMany(chat.id, [
    { role: 'user', content: `question ${label} about tides` },
    {
      role: 'assistant',
      content: `answer ${label}: the moon`,
      thinking: 'gravity',
      metrics: { outputTokens: 4, tokensPerSecond: 33.5 },
      tool_calls: [{ function: { name: 'lookup', arguments: { q: 'tides' } } }],
    },
    { role: 'user', content: `and ${label} the sun?` },
    { role: 'assistant', content: `partly ${label}`, doneReason: 'aborted' },
  ]);
  store.notes.set({
    host: 'local',
    model: `model-${label}`,
    favourite: true,
    tags: ['x'],
    note: label,
  });
  store.usage.record({
    host: 'local',
    model: `model-${label}`,
    outputTokens: 10,
    loadMs: 800,
    tokensPerSecond: 30,
  });
  store.bench.add({
    suite: 'quick',
    startedAt: new Date().toISOString(),
    environment: { label },
    results: { median: 42 },
  });
  store.settings.createProfile(`profile-${label}`, {
    profile: {
      hosts: [
        { name: label, url: `http://${label}:11434`, headers: { Authorization: 'Bearer t' } },
      ],
    },
  });
  return chat;
}
