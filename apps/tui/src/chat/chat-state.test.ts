import { describe, expect, it } from 'vitest';
import {
  type ChatState,
  chatReducer,
  chatTotals,
  initialChatState,
  requestMessages,
} from './chat-state.js';

const sent = (state: ChatState, content: string, at = 1000): ChatState =>
  chatReducer(state, { type: 'send', userId: `u${at}`, replyId: `r${at}`, content, at });

describe('chatReducer', () => {
  it('streams a reply in batches and records the model and metrics when it ends', () => {
    let state = sent(initialChatState('llama3.2:1b'), 'Hello');
    expect(state.messages.map((message) => message.role)).toEqual(['user']);
    expect(state.streaming?.model).toBe('llama3.2:1b');
    state = chatReducer(state, {
      type: 'stream-delta',
      content: 'Hi ',
      thinking: 'hmm',
      tokens: 2,
      at: 1100,
    });
    state = chatReducer(state, {
      type: 'stream-delta',
      content: 'there',
      thinking: '',
      tokens: 3,
      at: 1600,
    });
    expect(state.streaming?.content).toBe('Hi there');
    expect(state.streaming?.tokens).toBe(5);
    // 4 tokens after the first one, over 500 ms.
    expect(state.streaming?.liveTokensPerSecond).toBe(8);
    state = chatReducer(state, {
      type: 'stream-end',
      metrics: { outputTokens: 5, totalMs: 700 },
      at: 1700,
      doneReason: 'length',
    });
    expect(state.streaming).toBeUndefined();
    expect(state.messages[1]).toMatchObject({
      role: 'assistant',
      content: 'Hi there',
      thinking: 'hmm',
      model: 'llama3.2:1b',
      metrics: { outputTokens: 5, totalMs: 700, timeToFirstTokenMs: 100 },
      doneReason: 'length',
    });
  });

  it('prefers the live rate the client reports', () => {
    let state = sent(initialChatState('m'), 'x');
    state = chatReducer(state, {
      type: 'stream-delta',
      content: 'a',
      thinking: '',
      tokens: 1,
      at: 1010,
      tokensPerSecond: 42.5,
    });
    expect(state.streaming?.liveTokensPerSecond).toBe(42.5);
  });

  it('keeps a stopped reply as partial and refuses a second send while streaming', () => {
    let state = sent(initialChatState('m'), 'one');
    state = sent(state, 'two', 2000);
    expect(state.messages).toHaveLength(1);
    state = chatReducer(state, {
      type: 'stream-delta',
      content: 'par',
      thinking: '',
      tokens: 1,
      at: 1010,
    });
    state = chatReducer(state, { type: 'stream-stopped', at: 1020 });
    expect(state.messages[1]).toMatchObject({
      content: 'par',
      stopped: true,
      doneReason: 'aborted',
      model: 'm',
    });
    expect(state.streaming).toBeUndefined();
  });

  it('switches model mid-chat keeping the history, and each reply names its model', () => {
    let state = sent(initialChatState('first'), 'q1');
    state = chatReducer(state, {
      type: 'stream-delta',
      content: 'a1',
      thinking: '',
      tokens: 1,
      at: 1,
    });
    state = chatReducer(state, { type: 'stream-end', metrics: {}, at: 2 });
    state = chatReducer(state, { type: 'switch-model', model: 'second' });
    state = chatReducer(state, { type: 'set-system', system: 'Be brief.' });
    expect(requestMessages(state)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
    ]);
    state = sent(state, 'q2', 3);
    state = chatReducer(state, {
      type: 'stream-delta',
      content: 'a2',
      thinking: '',
      tokens: 1,
      at: 4,
    });
    state = chatReducer(state, { type: 'stream-end', metrics: {}, at: 5 });
    expect(state.messages.filter((m) => m.role === 'assistant').map((m) => m.model)).toEqual([
      'first',
      'second',
    ]);
  });

  it('keeps a partial reply with the error, and drops an empty one', () => {
    let state = sent(initialChatState('m'), 'x');
    state = chatReducer(state, { type: 'stream-error', message: 'model "m" not found', at: 2 });
    expect(state.messages).toHaveLength(1);
    expect(state.error).toBe('model "m" not found');
    state = sent(chatReducer(state, { type: 'dismiss-error' }), 'y', 3);
    state = chatReducer(state, {
      type: 'stream-delta',
      content: 'half',
      thinking: '',
      tokens: 1,
      at: 4,
    });
    state = chatReducer(state, { type: 'stream-error', message: 'connection lost', at: 5 });
    expect(state.messages[2]).toMatchObject({ content: 'half', error: 'connection lost' });
  });

  it('does not send without a model', () => {
    expect(sent(initialChatState(), 'x').messages).toEqual([]);
  });

  it('loads a past chat and starts a new one keeping the options', () => {
    let state = chatReducer(initialChatState('m'), {
      type: 'load-chat',
      chat: {
        chatId: 'c1',
        title: 'Old',
        model: 'old-model',
        system: 'sys',
        options: { temperature: 0.2 },
        messages: [{ id: '1', role: 'user', content: 'hi', createdAt: 1 }],
      },
    });
    expect(state).toMatchObject({ chatId: 'c1', model: 'old-model', system: 'sys' });
    state = chatReducer(state, { type: 'new-chat' });
    expect(state).toMatchObject({
      model: 'old-model',
      messages: [],
      options: { temperature: 0.2 },
    });
    expect(state.chatId).toBeUndefined();
  });
});

describe('chatTotals', () => {
  it('sums the replies', () => {
    expect(
      chatTotals([
        { id: '1', role: 'user', content: 'q', createdAt: 0 },
        {
          id: '2',
          role: 'assistant',
          content: 'a',
          createdAt: 0,
          metrics: { promptTokens: 10, outputTokens: 5, totalMs: 100 },
        },
        {
          id: '3',
          role: 'assistant',
          content: 'b',
          createdAt: 0,
          metrics: { promptTokens: 20, outputTokens: 7, totalMs: 50 },
        },
      ]),
    ).toEqual({ replies: 2, promptTokens: 30, outputTokens: 12, generationMs: 150 });
  });
});
