import { describe, expect, it } from 'vitest';
import { loadStoredChat, toStoredMessage } from './chat-record.js';

const chat = {
  id: 'c1',
  title: 'T',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('chat record: why a reply ended', () => {
  it('stores a stopped reply as aborted and a finished one with Ollama’s reason', () => {
    const base = { id: 'a', role: 'assistant' as const, content: 'par', createdAt: 0 };
    expect(toStoredMessage({ ...base, stopped: true }, { options: {} }).doneReason).toBe('aborted');
    expect(toStoredMessage({ ...base, doneReason: 'length' }, { options: {} }).doneReason).toBe(
      'length',
    );
    expect(toStoredMessage(base, { options: {} })).not.toHaveProperty('doneReason');
    expect(
      toStoredMessage({ ...base, role: 'user', stopped: true }, { options: {} }),
    ).not.toHaveProperty('doneReason');
  });

  it('shows a stored aborted reply as stopped again, and ignores reasons it does not know', () => {
    const at = '2026-01-01T00:00:01.000Z';
    const loaded = loadStoredChat(chat, [
      { id: 1, role: 'user', content: 'q', createdAt: at },
      { id: 2, role: 'assistant', content: 'par', doneReason: 'aborted', createdAt: at },
      { id: 3, role: 'assistant', content: 'full', doneReason: 'stop', createdAt: at },
      { id: 4, role: 'assistant', content: 'old', createdAt: at },
      { id: 5, role: 'assistant', content: 'odd', doneReason: 'weird' as 'stop', createdAt: at },
    ]);
    expect(loaded.messages.map((message) => [message.doneReason, message.stopped])).toEqual([
      [undefined, undefined],
      ['aborted', true],
      ['stop', undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });
});
