import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, tick, waitForFrame } from '../test-utils/render.js';
import type { ChatStoreLike } from './chat-record.js';
import { ChatScreen } from './chat-screen.js';
import { osc52Sequence } from './osc52.js';
import { createTestServices, type TestServices } from './test-services.js';

const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);
const opened: TestServices[] = [];
const unmounts: (() => void)[] = [];

afterEach(async () => {
  for (const unmount of unmounts.splice(0)) unmount();
  for (const services of opened.splice(0)) await services.dispose();
});

const setup = async (options: Parameters<typeof createTestServices>[0] = {}) => {
  const services = await createTestServices({
    models: ['qwen3:0.6b', 'llama3.2:1b', 'nomic-embed-text:latest'],
    ...options,
  });
  opened.push(services);
  return services;
};

const mount = (services: TestServices) => {
  const view = renderWithProviders(<ChatScreen services={services} isActive height={30} />);
  unmounts.push(view.unmount);
  return view;
};

const typeLine = async (stdin: { write(data: string): void }, text: string) => {
  stdin.write(text);
  await tick(30);
  stdin.write('\r');
};

describe('ChatScreen', () => {
  it('streams a reply, shows its metrics and stores both messages with the model', async () => {
    const services = await setup({ responseTokens: { min: 30, max: 30 } });
    const { stdin, lastFrame } = mount(services);
    await waitForFrame(lastFrame, (frame) => frame.includes('Chat with llama3.2:1b'));
    // Text and Enter in one read, as automation or fast typing sends them.
    stdin.write('Hello there\r');
    const frame = await waitForFrame(lastFrame, (text) => / out · first token /.test(text), 5000);
    expect(frame).toContain('you');
    expect(frame).toContain('Hello there');
    const shown = /(\d+) in · (\d+) out/.exec(frame);
    expect(Number(shown?.[2])).toBeGreaterThanOrEqual(30);
    expect(frame).toContain('1 reply');
    const chats = services.storeHandle.chats satisfies ChatStoreLike;
    const [chat] = chats.list();
    expect(chat?.title).toBe('Hello there');
    const messages = chats.messages(chat!.id);
    expect(messages.map((message) => [message.role, message.model])).toEqual([
      ['user', undefined],
      ['assistant', 'llama3.2:1b'],
    ]);
    expect(messages[1]?.metrics?.outputTokens).toBe(Number(shown?.[2]));
    // Ollama's done_reason is kept with the reply.
    expect(messages[1]?.doneReason).toBe('stop');
    // Usage for the Models tab's "last used".
    expect(
      services.storeHandle.usage.get({ host: services.simulator.url, model: 'llama3.2:1b' }),
    ).toMatchObject({ requests: 1, outputTokens: Number(shown?.[2]) });
  });

  it('stops a long reply with Esc, keeps the partial text, and still takes input while streaming', async () => {
    const services = await setup({ tokenDelayMs: 5, responseTokens: { min: 5000, max: 5000 } });
    const { stdin, lastFrame } = mount(services);
    await waitForFrame(lastFrame, (frame) => frame.includes('Chat with'));
    await typeLine(stdin, 'Tell me everything');
    await waitForFrame(
      lastFrame,
      (frame) => /\d+ tokens/.test(frame) && frame.includes('Esc stops'),
    );
    // Typing while the reply streams lands in the input.
    stdin.write('next question');
    await waitForFrame(lastFrame, (frame) => frame.includes('next question'));
    stdin.write('\u001b');
    const frame = await waitForFrame(lastFrame, (text) => text.includes('stopped'), 5000);
    expect(frame).not.toContain('Esc stops');
    const chats = services.storeHandle.chats;
    const [chat] = chats.list();
    const reply = chats.messages(chat!.id).at(-1);
    expect(reply?.role).toBe('assistant');
    expect(reply?.content.length).toBeGreaterThan(0);
    expect(reply?.doneReason).toBe('aborted');
    // The abort reached the server: it stopped generating.
    for (let attempt = 0; attempt < 100 && services.simulator.activeGenerations() > 0; attempt += 1)
      await tick(10);
    expect(services.simulator.activeGenerations()).toBe(0);

    // Resumed later (a new screen on the same store, as after a restart), the reply still says "stopped".
    unmounts.shift()?.();
    const again = mount(services);
    await waitForFrame(again.lastFrame, (frame) => frame.includes('Chat with'));
    again.stdin.write(ctrl('o'));
    await waitForFrame(again.lastFrame, (frame) => frame.includes('Past chats'));
    await tick(30);
    again.stdin.write('\r');
    const resumed = await waitForFrame(again.lastFrame, (frame) => frame.includes('resumed'));
    expect(resumed).toContain('stopped');
  });

  it('switches model mid-chat; the next reply records the new model and gets the history', async () => {
    const services = await setup({ responseTokens: { min: 10, max: 10 } });
    const { stdin, lastFrame } = mount(services);
    await waitForFrame(lastFrame, (frame) => frame.includes('Chat with llama3.2:1b'));
    await typeLine(stdin, 'First question');
    await waitForFrame(lastFrame, (frame) => frame.includes('1 reply'));
    stdin.write(ctrl('t'));
    await waitForFrame(lastFrame, (frame) => frame.includes('Switch model'));
    stdin.write('qwen');
    await waitForFrame(lastFrame, (frame) => frame.includes('› qwen3:0.6b'));
    stdin.write('\r');
    await waitForFrame(lastFrame, (frame) => frame.includes('now chatting with qwen3:0.6b'));
    await typeLine(stdin, 'Second question');
    const second = await waitForFrame(lastFrame, (frame) => frame.includes('2 replies'), 5000);
    // qwen3 thinks first: its thinking is shown collapsed.
    expect(second).toMatch(/▸ thinking \([\d,]+ chars/);
    const chats = services.storeHandle.chats;
    const [chat] = chats.list();
    const replies = chats.messages(chat!.id).filter((message) => message.role === 'assistant');
    expect(replies.map((message) => message.model)).toEqual(['llama3.2:1b', 'qwen3:0.6b']);
    // The second request carried the first exchange: more prompt tokens than the first.
    expect(replies[1]!.metrics!.promptTokens!).toBeGreaterThan(replies[0]!.metrics!.promptTokens!);
  });

  it('resumes a past chat found by full-text search, and the next reply continues it', async () => {
    const first = await setup({ responseTokens: { min: 8, max: 8 } });
    const one = mount(first);
    await waitForFrame(one.lastFrame, (frame) => frame.includes('Chat with'));
    await typeLine(one.stdin, 'Remember the word pelican');
    await waitForFrame(one.lastFrame, (frame) => frame.includes('1 reply'));
    one.unmount();

    // A new screen on the same store, as after a restart.
    const second = mount(first);
    await waitForFrame(second.lastFrame, (frame) => frame.includes('Chat with'));
    second.stdin.write(ctrl('o'));
    await waitForFrame(second.lastFrame, (frame) => frame.includes('Past chats'));
    second.stdin.write('pelican');
    await waitForFrame(second.lastFrame, (frame) => frame.includes('«pelican»'));
    second.stdin.write('\r');
    const resumed = await waitForFrame(second.lastFrame, (frame) => frame.includes('resumed'));
    expect(resumed).toContain('Remember the word pelican');
    expect(resumed).toContain('1 reply');
    await typeLine(second.stdin, 'What was the word?');
    await waitForFrame(second.lastFrame, (frame) => frame.includes('2 replies'), 5000);
    const chats = first.storeHandle.chats;
    expect(chats.list()).toHaveLength(1);
    expect(
      chats.messages(chats.list()[0]!.id).filter((message) => message.role === 'user'),
    ).toHaveLength(2);
  });

  it('saves with Ctrl+S, copies the last reply and code block with OSC 52, and exports Markdown', async () => {
    const services = await setup({ responseTokens: { min: 12, max: 12 } });
    const { stdin, lastFrame, frames } = mount(services);
    await waitForFrame(lastFrame, (frame) => frame.includes('Chat with'));
    stdin.write(ctrl('s'));
    await waitForFrame(lastFrame, (frame) => frame.includes('saved (chat'));
    expect(services.storeHandle.chats.list()).toHaveLength(1);
    await typeLine(stdin, 'Say something');
    await waitForFrame(lastFrame, (frame) => frame.includes('1 reply'), 5000);
    const chats = services.storeHandle.chats;
    const reply = chats.messages(chats.list()[0]!.id).at(-1)!;
    stdin.write(ctrl('y'));
    await waitForFrame(lastFrame, (frame) => frame.includes('copied the last reply'));
    expect(frames.some((frame) => frame.includes(osc52Sequence(reply.content)))).toBe(true);
    stdin.write(ctrl('b'));
    await waitForFrame(lastFrame, (frame) =>
      /no last code block to copy|copied the last code block/.test(frame),
    );
    stdin.write(ctrl('e'));
    const exported = await waitForFrame(lastFrame, (frame) => frame.includes('exported to'));
    const file = /exported to (\S+\.md)/.exec(exported.replace(/\n/g, ''))?.[1];
    expect(file && readFileSync(file, 'utf8')).toContain('Say something');
  });

  it('applies a per-chat system prompt and options, and refuses a bad value naming the field', async () => {
    const services = await setup({ responseTokens: { min: 5, max: 5 } });
    const { stdin, lastFrame } = mount(services);
    await waitForFrame(lastFrame, (frame) => frame.includes('Chat with'));
    stdin.write(ctrl('p'));
    await waitForFrame(lastFrame, (frame) => frame.includes('Chat settings'));
    stdin.write('Answer in French.');
    await tick(20);
    stdin.write('\u001b[B');
    await tick(20);
    stdin.write('hot');
    await tick(20);
    stdin.write('\r');
    await waitForFrame(lastFrame, (frame) =>
      frame.includes('temperature must be a number from 0 to 2, not "hot"'),
    );
    for (let index = 0; index < 3; index += 1) stdin.write('\u007f');
    await tick(20);
    await typeLine(stdin, '0.2');
    await waitForFrame(lastFrame, (frame) => frame.includes('system prompt set'));
    await typeLine(stdin, 'Bonjour');
    await waitForFrame(lastFrame, (frame) => frame.includes('1 reply'), 5000);
    const chats = services.storeHandle.chats;
    const chatId = chats.list()[0]!.id;
    expect(chats.messages(chatId)[0]).toMatchObject({
      role: 'system',
      content: 'Answer in French.',
    });
    expect(chats.get(chatId)?.options).toEqual({ temperature: 0.2 });
    // The last reply's prompt rate is kept too.
    expect(chats.messages(chatId).at(-1)?.metrics?.promptTokensPerSecond).toBeGreaterThan(0);

    // Resumed later, the chat comes back with its settings.
    const again = mount(services);
    await waitForFrame(again.lastFrame, (frame) => frame.includes('Chat with'));
    again.stdin.write(ctrl('o'));
    await waitForFrame(again.lastFrame, (frame) => frame.includes('Bonjour'));
    again.stdin.write('\r');
    await waitForFrame(again.lastFrame, (frame) => frame.includes('resumed'));
    again.stdin.write(ctrl('p'));
    const form = await waitForFrame(again.lastFrame, (frame) => frame.includes('Chat settings'));
    expect(form).toContain('Answer in French.');
    expect(form).toMatch(/temperature[^\n]*\n[^\n]*0\.2/);
  });
});
