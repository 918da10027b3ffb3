/**
 * Runs one chat outside React: sends the history to the active host's client, streams the reply through the
 * coalescing flush scheduler into the reducer, and persists every finished message as it happens. The screen
 * owns one driver; input is never blocked because nothing here awaits on the render path.
 */

import {
  type ChatStoreLike,
  requestOptions,
  storedOptions,
  titleFrom,
  toStoredMessage,
} from './chat-record.js';
import {
  type ChatAction,
  type ChatMessage,
  type ChatState,
  type LoadedChat,
  type ReplyMetrics,
  requestMessages,
  toDoneReason,
} from './chat-state.js';
import { createFlushScheduler } from './flush-scheduler.js';
import { type ClientTimings, type FinalChunkFields, replyMetrics } from './reply-metrics.js';

/** One chunk of the client's chat stream (Ollama's /api/chat chunk). */
export type ChatChunkLike = FinalChunkFields & {
  message?: { content?: string | null; thinking?: string | null } | null;
  done?: boolean | null;
  /** Ollama's reason on the final chunk: stop, length, load, unload. */
  done_reason?: string | null;
};

/** The client's streaming chat result: chunks, a way to stop, and live timings. */
export type ChatStreamLike = AsyncIterable<ChatChunkLike> & {
  abort?: () => void;
  timings?: ClientTimings | (() => ClientTimings | undefined);
};

export type ChatClientLike = {
  readonly host?: string;
  chat(request: Record<string, unknown>): Promise<unknown>;
};

export type ChatDriverOptions = {
  /** The client of the active host, asked at each send (the host may change between replies). */
  client: () => ChatClientLike;
  /** Must apply the action synchronously (see chat-session.ts): the driver reads the state right after. */
  dispatch: (action: ChatAction) => void;
  getState: () => ChatState;
  /** The store's chats; without it nothing is persisted. */
  chats?: ChatStoreLike;
  /** Called after each reply that ended normally: the screen feeds usage and performance tracking. */
  onReply?: (reply: { host: string | undefined; model: string; metrics: ReplyMetrics }) => void;
  /** Called when the store refuses a write (the screen shows it; the chat goes on). */
  onPersistError?: (error: unknown) => void;
  /**
   * Coalescing interval; 0 dispatches every token (the bench's naive variant).
   * @default 33
   */
  flushIntervalMs?: number;
  now?: () => number;
  newId?: () => string;
};

export type ChatDriver = {
  send: (content: string) => void;
  /** Stops the reply being generated (Esc). */
  stop: () => void;
  /** Writes the chat and its current settings now (the `s` key); returns the chat id. */
  save: () => string | undefined;
  /** Tells the driver a stored chat was resumed, so its settings are not written again. */
  resumed: (chat: LoadedChat) => void;
  /** Resolves when the current reply (if any) has ended: for tests. */
  idle: () => Promise<void>;
  dispose: () => void;
};

const timingsOf = (stream: ChatStreamLike): ClientTimings | undefined =>
  typeof stream.timings === 'function' ? stream.timings() : stream.timings;

const isStream = (value: unknown): value is ChatStreamLike =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'the request failed';

let counter = 0;
const defaultId = () => {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}`;
};

export const createChatDriver = (options: ChatDriverOptions): ChatDriver => {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? defaultId;
  let current: { stream?: ChatStreamLike; stopped: boolean; done: Promise<void> } | undefined;
  let disposed = false;
  let persistedSystem:
    | { chatId: string; text: string; options: string; model: string | undefined }
    | undefined;

  const persist = (write: (chats: ChatStoreLike) => void) => {
    if (!options.chats) return;
    try {
      write(options.chats);
    } catch (error) {
      options.onPersistError?.(error);
    }
  };

  /** Creates the chat in the store on its first message. */
  const ensureChat = (state: ChatState, firstContent?: string): string | undefined => {
    if (state.chatId || !options.chats) return state.chatId;
    let chatId: string | undefined;
    persist((chats) => {
      const chat = chats.create({
        title: firstContent ? titleFrom(firstContent) : 'New chat',
        host: options.client().host,
        model: state.model,
        options: storedOptions(state.options),
      });
      chatId = chat.id;
    });
    if (chatId) options.dispatch({ type: 'set-chat-id', chatId });
    return chatId;
  };

  /**
   * Records the chat's settings when they changed since the last write: options and model on the chat
   * (`chats.update`), the system prompt as a `system` message (it is part of what the model is sent).
   */
  const persistSettings = (chatId: string, state: ChatState, force = false) => {
    const settings = JSON.stringify(storedOptions(state.options) ?? {});
    const known = persistedSystem?.chatId === chatId ? persistedSystem : undefined;
    const systemChanged = known ? known.text !== state.system : state.system !== '';
    const optionsChanged = known ? known.options !== settings : settings !== '{}';
    const modelChanged = known ? known.model !== state.model : false;
    if (force || optionsChanged || modelChanged) {
      persist((chats) => {
        chats.update(chatId, {
          options: storedOptions(state.options) ?? null,
          model: state.model ?? null,
        });
      });
    }
    if (force ? state.system !== (known?.text ?? '') : systemChanged) {
      persist((chats) => {
        chats.append(chatId, {
          role: 'system',
          content: state.system,
          host: options.client().host,
          model: state.model,
        });
      });
    }
    persistedSystem = { chatId, text: state.system, options: settings, model: state.model };
  };

  const appendMessage = (chatId: string | undefined, message: ChatMessage, state: ChatState) => {
    if (!chatId) return;
    persist((chats) => {
      chats.append(
        chatId,
        toStoredMessage(message, { host: options.client().host, options: state.options }),
      );
    });
  };

  const run = async (content: string) => {
    const before = options.getState();
    if (before.streaming || !before.model) return;
    const chatId = ensureChat(before, content);
    if (chatId) persistSettings(chatId, before);
    const userId = newId();
    const sendAction: ChatAction = { type: 'send', userId, replyId: newId(), content, at: now() };
    options.dispatch(sendAction);
    const afterSend = options.getState();
    const user = afterSend.messages.at(-1);
    if (user) appendMessage(chatId, user, afterSend);

    const scheduler =
      options.flushIntervalMs === 0
        ? undefined
        : createFlushScheduler({
            intervalMs: options.flushIntervalMs,
            onFlush: (batch) => {
              const timings = current?.stream ? timingsOf(current.stream) : undefined;
              options.dispatch({
                type: 'stream-delta',
                ...batch,
                at: now(),
                tokensPerSecond: timings?.tokensPerSecond ?? undefined,
              });
            },
          });

    const request: Record<string, unknown> = {
      model: afterSend.model,
      messages: requestMessages(afterSend),
      stream: true,
    };
    const optionsForRequest = requestOptions(afterSend.options);
    if (Object.keys(optionsForRequest).length > 0) request.options = optionsForRequest;
    if (afterSend.options.keep_alive) request.keep_alive = afterSend.options.keep_alive;

    let final: ChatChunkLike | undefined;
    let failure: unknown;
    try {
      const result = await options.client().chat(request);
      if (!isStream(result)) throw new Error('the client did not return a stream');
      if (current) current.stream = result;
      if (current?.stopped) result.abort?.();
      for await (const chunk of result) {
        if (current?.stopped || disposed) break;
        const piece = chunk.message?.content ?? '';
        const thought = chunk.message?.thinking ?? '';
        if (piece || thought) {
          if (scheduler) scheduler.push(piece, thought);
          else
            options.dispatch({
              type: 'stream-delta',
              content: piece,
              thinking: thought,
              tokens: 1,
              at: now(),
            });
        }
        if (chunk.done) final = chunk;
      }
    } catch (error) {
      failure = error;
    }
    scheduler?.flush();
    if (disposed) return;
    const stream = current?.stream;
    const stopped = current?.stopped ?? false;
    const beforeEnd = options.getState();
    if (!beforeEnd.streaming) return;
    let endAction: ChatAction;
    if (stopped) endAction = { type: 'stream-stopped', at: now() };
    else if (failure !== undefined || !final)
      endAction = {
        type: 'stream-error',
        message:
          failure === undefined ? 'the stream ended before the reply was done' : messageOf(failure),
        at: now(),
      };
    else
      endAction = {
        type: 'stream-end',
        metrics: replyMetrics(final, stream ? timingsOf(stream) : undefined),
        at: now(),
        doneReason: toDoneReason(final.done_reason),
      };
    options.dispatch(endAction);
    const afterEnd = options.getState();
    const reply = afterEnd.messages.at(-1);
    if (reply && reply.role === 'assistant' && reply !== beforeEnd.messages.at(-1)) {
      appendMessage(chatId ?? afterEnd.chatId, reply, afterEnd);
      if (endAction.type === 'stream-end' && reply.model) {
        try {
          options.onReply?.({
            host: options.client().host,
            model: reply.model,
            metrics: endAction.metrics,
          });
        } catch (error) {
          options.onPersistError?.(error);
        }
      }
    }
  };

  return {
    send(content) {
      if (current || disposed) return;
      const entry: { stream?: ChatStreamLike; stopped: boolean; done: Promise<void> } = {
        stopped: false,
        done: Promise.resolve(),
      };
      current = entry;
      entry.done = run(content).finally(() => {
        if (current === entry) current = undefined;
      });
    },
    stop() {
      if (!current) return;
      current.stopped = true;
      current.stream?.abort?.();
    },
    save() {
      const state = options.getState();
      const chatId = ensureChat(
        state,
        state.messages.find((message) => message.role === 'user')?.content,
      );
      if (chatId) {
        persistSettings(chatId, state, true);
        options.dispatch({ type: 'saved', at: now() });
      }
      return chatId;
    },
    resumed(chat) {
      persistedSystem = {
        chatId: chat.chatId,
        text: chat.system ?? '',
        options: JSON.stringify(storedOptions(chat.options ?? {}) ?? {}),
        model: chat.model,
      };
    },
    idle: () => current?.done ?? Promise.resolve(),
    dispose() {
      disposed = true;
      current?.stream?.abort?.();
    },
  };
};
