/**
 * How a chat is kept in @ollamamon/store: one stored message per user message and per reply (with the model
 * and metrics); the chat's options (temperature, num_ctx, keep_alive) and current model on the chat itself
 * (`chats.update`); the system prompt as a `system` message whenever it changes, so resuming a chat restores
 * exactly what the model was sent. Only the subset of the store's ChatStore the screen uses is named
 * here, structurally.
 */
import {
  type ChatMessage,
  type ChatOptions,
  type DoneReason,
  type LoadedChat,
  type ReplyMetrics,
  toDoneReason,
} from './chat-state.js';

export type StoredRole = 'system' | 'user' | 'assistant' | 'tool';

export type StoredMetrics = {
  promptTokens?: number;
  outputTokens?: number;
  timeToFirstTokenMs?: number;
  loadMs?: number;
  totalMs?: number;
  tokensPerSecond?: number;
  promptTokensPerSecond?: number;
};

export type StoredMessage = {
  id: number;
  role: StoredRole;
  content: string;
  thinking?: string;
  host?: string;
  model?: string;
  options?: Record<string, unknown>;
  metrics?: StoredMetrics;
  /** Why a reply ended (store schema 4): Ollama's done_reason, or 'aborted' when the user stopped it. */
  doneReason?: DoneReason;
  createdAt: string;
};

export type StoredMessageInput = Omit<StoredMessage, 'id' | 'createdAt'> & { createdAt?: string };

export type StoredChat = {
  id: string;
  title: string;
  host?: string;
  model?: string;
  options?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
};

export type StoredChatSummary = StoredChat & { messageCount: number };

export type StoredSearchHit = {
  messageId: number;
  chatId: string;
  chatTitle: string;
  role: StoredRole;
  snippet: string;
  createdAt: string;
};

/** The part of @ollamamon/store's `store.chats` the chat screen uses. */
export type ChatStoreLike = {
  create(input?: {
    title?: string;
    host?: string;
    model?: string;
    options?: Record<string, unknown>;
  }): StoredChat;
  get(chatId: string): StoredChat | undefined;
  list(options?: { limit?: number }): StoredChatSummary[];
  rename(chatId: string, title: string): StoredChat;
  update(
    chatId: string,
    change: { title?: string; model?: string | null; options?: Record<string, unknown> | null },
  ): StoredChat;
  append(chatId: string, message: StoredMessageInput): StoredMessage;
  messages(chatId: string): StoredMessage[];
  search(
    query: string,
    options?: { limit?: number; highlight?: [string, string] },
  ): StoredSearchHit[];
  exportMarkdown(chatId: string): string;
};

/** The store's names for the metrics (`tokensPerSecond` is the generation rate). */
export const toStoredMetrics = (metrics: ReplyMetrics | undefined): StoredMetrics | undefined => {
  if (!metrics) return undefined;
  const stored: StoredMetrics = {
    promptTokens: metrics.promptTokens,
    outputTokens: metrics.outputTokens,
    timeToFirstTokenMs: metrics.timeToFirstTokenMs,
    loadMs: metrics.loadMs,
    totalMs: metrics.totalMs,
    tokensPerSecond: metrics.outputTokensPerSecond,
    promptTokensPerSecond: metrics.promptTokensPerSecond,
  };
  const entries = Object.entries(stored).filter(
    ([, value]) => typeof value === 'number' && Number.isFinite(value) && value >= 0,
  );
  return entries.length > 0 ? (Object.fromEntries(entries) as StoredMetrics) : undefined;
};

const fromStoredMetrics = (metrics: StoredMetrics | undefined): ReplyMetrics | undefined =>
  metrics
    ? {
        promptTokens: metrics.promptTokens,
        outputTokens: metrics.outputTokens,
        timeToFirstTokenMs: metrics.timeToFirstTokenMs,
        loadMs: metrics.loadMs,
        totalMs: metrics.totalMs,
        outputTokensPerSecond: metrics.tokensPerSecond,
        promptTokensPerSecond: metrics.promptTokensPerSecond,
      }
    : undefined;

/** Ollama's `options` for a request (keep_alive travels beside them, not inside). */
export const requestOptions = (options: ChatOptions): Record<string, number> => {
  const result: Record<string, number> = {};
  if (options.temperature !== undefined) result.temperature = options.temperature;
  if (options.num_ctx !== undefined) result.num_ctx = options.num_ctx;
  return result;
};

/** What a stored message records of the chat's options (keep_alive included). */
export const storedOptions = (options: ChatOptions): Record<string, unknown> | undefined => {
  const result: Record<string, unknown> = { ...requestOptions(options) };
  if (options.keep_alive !== undefined) result.keep_alive = options.keep_alive;
  return Object.keys(result).length > 0 ? result : undefined;
};

const chatOptionsFrom = (value: Record<string, unknown> | undefined): ChatOptions => {
  const options: ChatOptions = {};
  if (typeof value?.temperature === 'number') options.temperature = value.temperature;
  if (typeof value?.num_ctx === 'number') options.num_ctx = value.num_ctx;
  if (typeof value?.keep_alive === 'string') options.keep_alive = value.keep_alive;
  return options;
};

/** The stored form of a finished message of the screen. */
export const toStoredMessage = (
  message: ChatMessage,
  context: { host?: string; options: ChatOptions },
): StoredMessageInput => {
  const input: StoredMessageInput = {
    role: message.role,
    content: message.content,
    createdAt: new Date(message.createdAt).toISOString(),
  };
  if (message.thinking) input.thinking = message.thinking;
  if (context.host) input.host = context.host;
  if (message.model) input.model = message.model;
  const options = storedOptions(context.options);
  if (options && message.role === 'user') input.options = options;
  const metrics = toStoredMetrics(message.metrics);
  if (metrics) input.metrics = metrics;
  const doneReason = message.doneReason ?? (message.stopped ? 'aborted' : undefined);
  if (doneReason && message.role === 'assistant') input.doneReason = doneReason;
  return input;
};

/** A stored reason back on the screen's message: a reply the user stopped shows "stopped" again. */
const doneFields = (value: unknown): Pick<ChatMessage, 'doneReason' | 'stopped'> => {
  const doneReason = toDoneReason(value);
  if (!doneReason) return {};
  return doneReason === 'aborted' ? { doneReason, stopped: true } : { doneReason };
};

/** Rebuilds a chat for the screen from what the store kept. */
export const loadStoredChat = (
  chat: StoredChat,
  messages: readonly StoredMessage[],
): LoadedChat => {
  let system = '';
  // The chat's own options are kept current (`chats.update`); a message's options are what was sent then.
  let options: ChatOptions | undefined = chat.options ? chatOptionsFrom(chat.options) : undefined;
  let lastSentOptions: ChatOptions = {};
  let lastReplyModel: string | undefined;
  const loaded: ChatMessage[] = [];
  for (const message of messages) {
    if (message.options) lastSentOptions = chatOptionsFrom(message.options);
    if (message.role === 'system') {
      system = message.content;
      continue;
    }
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    if (message.role === 'assistant' && message.model) lastReplyModel = message.model;
    loaded.push({
      id: `stored-${message.id}`,
      role: message.role,
      content: message.content,
      ...(message.thinking ? { thinking: message.thinking } : {}),
      ...(message.model ? { model: message.model } : {}),
      ...(message.metrics ? { metrics: fromStoredMetrics(message.metrics) } : {}),
      ...doneFields(message.doneReason),
      createdAt: Date.parse(message.createdAt),
    });
  }
  options ??= lastSentOptions;
  return {
    chatId: chat.id,
    title: chat.title,
    model: chat.model ?? lastReplyModel,
    system,
    options,
    messages: loaded,
  };
};

/** A chat's title from its first question. */
export const titleFrom = (content: string): string => {
  const line = content.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line || 'New chat';
};
