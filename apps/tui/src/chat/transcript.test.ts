import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat-state.js';
import { blockRows, transcriptWindow } from './transcript.js';

const message = (id: string, role: 'user' | 'assistant', content: string): ChatMessage => ({
  id,
  role,
  content,
  createdAt: 0,
  ...(role === 'assistant' ? { model: 'm' } : {}),
});

const history = Array.from({ length: 50 }, (_, index) =>
  message(String(index), index % 2 === 0 ? 'user' : 'assistant', `message ${index}`),
);

const rowsOf = (items: ReturnType<typeof transcriptWindow>['items'], width: number) =>
  items.reduce((sum, item) => sum + (item.kind === 'block' ? blockRows(item.block, width) : 1), 0);

describe('transcriptWindow', () => {
  it('shows only the tail that fits the height', () => {
    const window = transcriptWindow({ messages: history, width: 80, height: 12 });
    expect(window.hiddenAbove).toBe(true);
    expect(rowsOf(window.items, 80)).toBeLessThanOrEqual(12);
    const last = window.items.at(-1);
    expect(last?.kind).toBe('metrics');
    const texts = window.items.flatMap((item) =>
      item.kind === 'block' && item.block.kind === 'paragraph' ? [item.block.text] : [],
    );
    expect(texts.at(-1)).toBe('message 49');
    expect(texts).not.toContain('message 40');
  });

  it('keeps block objects of finished messages stable across calls (so memo skips them)', () => {
    const first = transcriptWindow({ messages: history, width: 80, height: 12 });
    const second = transcriptWindow({
      messages: history,
      streaming: { id: 's', model: 'm', content: 'new', thinking: '', startedAt: 0, tokens: 1 },
      width: 80,
      height: 30,
    });
    const blockOf = (items: typeof first.items, key: string) =>
      items.find((item) => item.key === key && item.kind === 'block');
    const a = blockOf(first.items, '49:0');
    const b = blockOf(second.items, '49:0');
    expect(a && a.kind === 'block' && b && b.kind === 'block' && a.block === b.block).toBe(true);
  });

  it('clips a streaming reply taller than the screen to its last rows', () => {
    const long = Array.from({ length: 500 }, (_, index) => `line ${index}`).join('\n');
    const window = transcriptWindow({
      messages: [],
      streaming: { id: 's', model: 'm', content: long, thinking: '', startedAt: 0, tokens: 500 },
      width: 40,
      height: 10,
    });
    expect(window.items.at(-1)?.kind).toBe('live');
    const block = window.items.find((item) => item.kind === 'block');
    expect(block?.kind === 'block' && block.block.kind === 'paragraph' && block.block.text).toBe(
      'line 492\nline 493\nline 494\nline 495\nline 496\nline 497\nline 498\nline 499',
    );
  });

  it('scrolls up by rows', () => {
    const window = transcriptWindow({ messages: history, width: 80, height: 10, scrollRows: 20 });
    const texts = window.items.flatMap((item) =>
      item.kind === 'block' && item.block.kind === 'paragraph' ? [item.block.text] : [],
    );
    expect(texts).not.toContain('message 49');
    expect(texts.length).toBeGreaterThan(0);
  });

  it('shows everything when it fits', () => {
    const window = transcriptWindow({ messages: history.slice(0, 2), width: 80, height: 40 });
    expect(window.hiddenAbove).toBe(false);
    expect(window.items.map((item) => item.kind)).toEqual([
      'header',
      'block',
      'header',
      'block',
      'metrics',
    ]);
  });
});
