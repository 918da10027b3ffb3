import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors/index.ts';
import { openStore, type Store } from '../open-store.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();

function seed(store: Store) {
  const chat = store.chats.create({
    title: 'Sky colours',
    host: 'local',
    model: 'qwen3:8b',
    options: { temperature: 0.2, num_ctx: 8192 },
  });
  const messages = store.chats.appendMany(chat.id, [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content: 'Why is the sky blue? Here is a photo.', images: ['sha256:ab12'] },
    {
      role: 'assistant',
      content: 'Because of Rayleigh scattering.',
      thinking: 'Shorter wavelengths scatter more: the classic explanation.',
      host: 'local',
      model: 'qwen3:8b',
      options: { temperature: 0.2 },
      metrics: {
        promptTokens: 31,
        outputTokens: 6,
        timeToFirstTokenMs: 120,
        loadMs: 900,
        totalMs: 400,
        tokensPerSecond: 48.5,
      },
    },
    {
      role: 'assistant',
      content: '',
      tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Zürich' } } }],
    },
    { role: 'tool', tool_name: 'get_weather', content: '{"sky":"clear"}' },
  ]);
  return { chat, messages };
}

describe('chats', () => {
  it('stores every field of a message and lists chats with their message count', () => {
    const store = openStore({ home: tempHome() });
    const { chat, messages } = seed(store);
    const stored = store.chats.messages(chat.id);
    expect(stored).toEqual(messages);
    expect(stored[2]).toMatchObject({
      role: 'assistant',
      thinking: 'Shorter wavelengths scatter more: the classic explanation.',
      metrics: { tokensPerSecond: 48.5, loadMs: 900 },
      host: 'local',
      model: 'qwen3:8b',
    });
    expect(stored[3]?.tool_calls).toEqual([
      { function: { name: 'get_weather', arguments: { city: 'Zürich' } } },
    ]);
    expect(stored[1]?.images).toEqual(['sha256:ab12']);
    expect(store.chats.list()).toEqual([
      expect.objectContaining({ id: chat.id, title: 'Sky colours', messageCount: 5 }),
    ]);
    expect(store.chats.messages(chat.id, { afterId: stored[2]!.id }).map((m) => m.role)).toEqual([
      'assistant',
      'tool',
    ]);
    store.close();
  });

  it('renames and deletes chats; deleted messages leave the search index', () => {
    const store = openStore({ home: tempHome() });
    const { chat } = seed(store);
    expect(store.chats.rename(chat.id, 'Rayleigh').title).toBe('Rayleigh');
    expect(store.chats.get(chat.id)?.title).toBe('Rayleigh');
    expect(store.chats.search('scattering')).toHaveLength(1);
    expect(store.chats.remove(chat.id)).toBe(true);
    expect(store.chats.remove(chat.id)).toBe(false);
    expect(store.chats.get(chat.id)).toBeUndefined();
    expect(store.chats.search('scattering')).toEqual([]);
    expect(() => store.chats.rename(chat.id, 'x')).toThrowError(NotFoundError);
    store.close();
  });

  it("changes a chat's model and options mid-conversation, and clears them with null", () => {
    const store = openStore({ home: tempHome() });
    const chat = store.chats.create({ model: 'llama3.2:1b', options: { temperature: 0.2 } });
    const switched = store.chats.update(chat.id, {
      model: 'qwen3:0.6b',
      options: { temperature: 0.9, num_ctx: 8192 },
    });
    expect(switched).toMatchObject({
      model: 'qwen3:0.6b',
      options: { temperature: 0.9, num_ctx: 8192 },
    });
    expect(store.chats.get(chat.id)).toEqual(switched);
    const cleared = store.chats.update(chat.id, { options: null, title: 'Renamed' });
    expect(cleared.options).toBeUndefined();
    expect(cleared).toMatchObject({ model: 'qwen3:0.6b', title: 'Renamed' });
    expect(() =>
      store.chats.update(chat.id, { options: { temperature: 'hot' } } as never),
    ).toThrowError(/options\.temperature/);
    expect(() => store.chats.update('missing', { title: 'x' })).toThrowError(NotFoundError);
    store.close();
  });

  it('updates a reply as it streams in, keeping the search index in step', () => {
    const store = openStore({ home: tempHome() });
    const chat = store.chats.create();
    const reply = store.chats.append(chat.id, { role: 'assistant', content: 'The ans' });
    expect(store.chats.search('answer')).toEqual([]);
    const done = store.chats.updateMessage(reply.id, {
      content: 'The answer is photosynthesis.',
      thinking: 'plants',
      metrics: { outputTokens: 5, tokensPerSecond: 40, promptTokensPerSecond: 900 },
    });
    expect(done).toMatchObject({ id: reply.id, content: 'The answer is photosynthesis.' });
    expect(store.chats.messages(chat.id)).toEqual([done]);
    expect(store.chats.search('ans')).toEqual([]);
    expect(store.chats.search('photosynthesis')).toHaveLength(1);
    expect(store.chats.search('plants')).toHaveLength(1);
    expect(() => store.chats.updateMessage(9999, { content: 'x' })).toThrowError(NotFoundError);
    expect(() => store.chats.updateMessage(reply.id, { role: 'user' } as never)).toThrowError(
      InvalidInputError,
    );
    store.close();
  });

  it('refuses invalid messages with the path of the problem, writing none of the batch', () => {
    const store = openStore({ home: tempHome() });
    const chat = store.chats.create();
    const failure = (() => {
      try {
        store.chats.appendMany(chat.id, [
          { role: 'user', content: 'fine' },
          { role: 'robot' as 'user', content: 'bad role' },
        ]);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as Error).message).toMatch(/message 1 .* at role/);
    expect(store.chats.messages(chat.id)).toEqual([]);
    expect(() =>
      store.chats.append(chat.id, { role: 'user', content: 'x', images: ['A'.repeat(5000)] }),
    ).toThrowError(/stored by reference/);
    expect(() => store.chats.append('missing', { role: 'user', content: 'x' })).toThrowError(
      NotFoundError,
    );
    store.close();
  });
});

describe('chats.search', () => {
  it('finds words in content and thinking, ranked, with highlighted snippets', () => {
    const store = openStore({ home: tempHome() });
    const { chat } = seed(store);
    const other = store.chats.create({ title: 'Cooking' });
    store.chats.append(other.id, {
      role: 'user',
      content: 'How do I make marmalade from oranges?',
    });
    store.chats.append(other.id, {
      role: 'assistant',
      content: 'Oranges, sugar, water. Blue jars.',
    });

    const hits = store.chats.search('scattering');
    expect(hits).toEqual([
      expect.objectContaining({
        chatId: chat.id,
        chatTitle: 'Sky colours',
        role: 'assistant',
        snippet: 'Because of Rayleigh **scattering**.',
      }),
    ]);
    expect(store.chats.search('wavelengths')[0]?.role).toBe('assistant'); // from thinking
    expect(
      store.chats
        .search('blue')
        .map((hit) => hit.chatId)
        .sort(),
    ).toEqual([chat.id, other.id].sort());
    expect(store.chats.search('blue', { chatId: other.id })).toHaveLength(1);
    expect(store.chats.search('orang*')).toHaveLength(2); // prefix
    expect(store.chats.search('"blue jars"')).toHaveLength(1); // phrase
    expect(store.chats.search('sky marmalade')).toEqual([]); // every word must match
    expect(store.chats.search('zurich')).toHaveLength(0); // tool call arguments are not indexed
    const newest = store.chats.search('blue', { order: 'newest' }).map((hit) => hit.messageId);
    expect(newest).toHaveLength(2);
    expect(newest[0]).toBeGreaterThan(newest[1]!);
    expect(store.chats.search('marmalade', { highlight: ['<b>', '</b>'] })[0]?.snippet).toContain(
      '<b>marmalade</b>',
    );
    store.close();
  });

  it('never raises a syntax error for FTS operators typed by the user', () => {
    const store = openStore({ home: tempHome() });
    seed(store);
    for (const query of ['AND', 'sky OR', '"unclosed', 'NEAR(', '*', '-', 'a:b', '^sky', '']) {
      expect(() => store.chats.search(query)).not.toThrow();
    }
    expect(store.chats.search('sky OR').length).toBe(0); // "OR" is a word here, and no message has it
    store.close();
  });
});

describe('done reason', () => {
  it('stores why a reply ended, updates it, exports and imports it, and marks stopped replies in Markdown', () => {
    const store = openStore({ home: tempHome() });
    const chat = store.chats.create({ title: 'Stops', model: 'qwen3:8b' });
    store.chats.append(chat.id, { role: 'user', content: 'count to a million' });
    const reply = store.chats.append(chat.id, {
      role: 'assistant',
      content: '1, 2, 3',
      metrics: { outputTokens: 9 },
    });
    expect(reply).not.toHaveProperty('doneReason');
    const stopped = store.chats.updateMessage(reply.id, { doneReason: 'aborted' });
    expect(stopped).toMatchObject({ content: '1, 2, 3', doneReason: 'aborted' });
    const finished = store.chats.append(chat.id, {
      role: 'assistant',
      content: 'done',
      doneReason: 'length',
    });
    expect(store.chats.messages(chat.id).map((message) => message.doneReason)).toEqual([
      undefined,
      'aborted',
      'length',
    ]);
    // Changing something else keeps the reason.
    expect(store.chats.updateMessage(finished.id, { content: 'done.' }).doneReason).toBe('length');

    const markdown = store.chats.exportMarkdown(chat.id);
    expect(markdown).toContain('_stopped by the user · 9 tokens_');
    expect(markdown.match(/stopped by the user/g)).toHaveLength(1);

    const exported = store.chats.exportJson();
    expect(exported.chats[0]!.messages.map((message) => message.doneReason)).toEqual([
      undefined,
      'aborted',
      'length',
    ]);
    const target = openStore({ home: tempHome() });
    target.chats.importJson(JSON.stringify(exported));
    expect(target.chats.messages(chat.id).map((message) => message.doneReason)).toEqual([
      undefined,
      'aborted',
      'length',
    ]);

    const failure = (() => {
      try {
        store.chats.append(chat.id, {
          role: 'assistant',
          content: 'x',
          doneReason: 'bored' as 'stop',
        });
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as Error).message).toMatch(/at doneReason/);
    store.close();
    target.close();
  });
});

describe('chats export and import', () => {
  it('exports Markdown with roles, thinking, tool calls, images and metrics', () => {
    const store = openStore({ home: tempHome() });
    const { chat } = seed(store);
    const markdown = store.chats.exportMarkdown(chat.id);
    expect(markdown).toContain('# Sky colours');
    expect(markdown).toContain('## Assistant');
    expect(markdown).toContain('<details><summary>Thinking</summary>');
    expect(markdown).toContain('Tool call `get_weather`');
    expect(markdown).toContain('## Tool (get_weather)');
    expect(markdown).toContain('![image](sha256:ab12)');
    expect(markdown).toContain('48.5 tok/s');
    store.close();
  });

  it('round-trips our JSON through a fresh store unchanged', () => {
    const source = openStore({ home: tempHome() });
    seed(source);
    seed(source);
    const exported = source.chats.exportJson();
    const text = JSON.stringify(exported);
    const target = openStore({ home: tempHome() });
    const result = target.chats.importJson(text);
    expect(result.imported).toHaveLength(2);
    const again = target.chats.exportJson();
    expect({ ...again, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
    expect(target.chats.search('scattering')).toHaveLength(2);

    expect(target.chats.importJson(text)).toMatchObject({
      imported: [],
      skipped: expect.any(Array),
    });
    expect(target.chats.importJson(text, { onConflict: 'copy' }).imported).toHaveLength(2);
    expect(target.chats.list()).toHaveLength(4);
    expect(target.chats.importJson(exported, { onConflict: 'replace' }).replaced).toHaveLength(2);
    expect(target.chats.list()).toHaveLength(4);
    source.close();
    target.close();
  });

  it('refuses a foreign or invalid JSON file with its path, importing nothing', () => {
    const store = openStore({ home: tempHome() });
    expect(() => store.chats.importJson('{not json')).toThrowError(/not valid JSON/);
    expect(() => store.chats.importJson({ format: 'something-else' })).toThrowError(
      InvalidInputError,
    );
    const source = openStore({ home: tempHome() });
    seed(source);
    const exported = source.chats.exportJson();
    const broken = structuredClone(exported);
    broken.chats.push({ ...structuredClone(exported.chats[0]!), id: 'second' });
    (broken.chats[1]!.messages[2] as { metrics: unknown }).metrics = { tokensPerSecond: -1 };
    expect(() => store.chats.importJson(broken)).toThrowError(
      /chats\[1\]\.messages\[2\]\.metrics\.tokensPerSecond/,
    );
    expect(store.chats.list()).toEqual([]);
    const twice = { ...exported, chats: [exported.chats[0]!, exported.chats[0]!] };
    expect(() => store.chats.importJson(twice, { onConflict: 'copy' })).toThrowError(
      /chats\[1\]\.id: duplicate chat id/,
    );
    expect(store.chats.list()).toEqual([]);
    source.close();
    store.close();
  });
});
