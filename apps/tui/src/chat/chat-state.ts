/**
 * The chat screen's state as a pure reducer: finished messages, the reply being streamed, the model, and the
 * per-chat system prompt and options. Streaming text arrives in coalesced batches (see flush-scheduler.ts), so
 * one `stream-delta` carries many tokens.
 */

/** Per-reply figures, from the final chunk's durations and the client's timings. */
export type ReplyMetrics = {
  promptTokens?: number;
  outputTokens?: number;
  timeToFirstTokenMs?: number;
  loadMs?: number;
  promptTokensPerSecond?: number;
  outputTokensPerSecond?: number;
  totalMs?: number;
};

export type ChatRole = 'user' | 'assistant';

/**
 * Why a reply ended: Ollama's `done_reason` (`stop`, `length`, `load`, `unload`), or `aborted` when the
 * user stopped it (the store keeps it as `doneReason`).
 */
export type DoneReason = 'stop' | 'length' | 'load' | 'unload' | 'aborted';

const doneReasons: ReadonlySet<string> = new Set(['stop', 'length', 'load', 'unload', 'aborted']);

/** Ollama's `done_reason` when it is one we know, else undefined. */
export const toDoneReason = (value: unknown): DoneReason | undefined =>
  typeof value === 'string' && doneReasons.has(value) ? (value as DoneReason) : undefined;

export type ChatMessage = {
  id: string;
  role: ChatRole;
  content: string;
  thinking?: string;
  /** The model that wrote an assistant reply (replies keep it across a model switch). */
  model?: string;
  metrics?: ReplyMetrics;
  /** The user pressed Esc: the reply is partial (doneReason 'aborted'). */
  stopped?: boolean;
  /** Why the reply ended, when known. */
  doneReason?: DoneReason;
  error?: string;
  createdAt: number;
};

export type StreamingReply = {
  id: string;
  model: string;
  content: string;
  thinking: string;
  startedAt: number;
  firstTokenAt?: number;
  tokens: number;
  /** Output tokens per second so far (the client's live figure when it has one). */
  liveTokensPerSecond?: number;
};

/** Options Ollama takes per request; `keep_alive` goes beside `options` on the wire. */
export type ChatOptions = {
  temperature?: number;
  num_ctx?: number;
  keep_alive?: string;
};

export type ChatState = {
  chatId?: string;
  title?: string;
  model?: string;
  system: string;
  options: ChatOptions;
  messages: ChatMessage[];
  streaming?: StreamingReply;
  error?: string;
  /** Bumped on every persisted change, so the screen can tell "saved" from "unsaved". */
  savedAt?: number;
};

export type LoadedChat = {
  chatId: string;
  title?: string;
  model?: string;
  system?: string;
  options?: ChatOptions;
  messages: ChatMessage[];
};

export type ChatAction =
  | { type: 'new-chat'; model?: string }
  | { type: 'load-chat'; chat: LoadedChat }
  | { type: 'send'; userId: string; replyId: string; content: string; at: number }
  | {
      type: 'stream-delta';
      content: string;
      thinking: string;
      tokens: number;
      at: number;
      tokensPerSecond?: number;
    }
  | { type: 'stream-end'; metrics: ReplyMetrics; at: number; doneReason?: DoneReason }
  | { type: 'stream-stopped'; at: number }
  | { type: 'stream-error'; message: string; at: number }
  | { type: 'switch-model'; model: string }
  | { type: 'set-system'; system: string }
  | { type: 'set-options'; options: ChatOptions }
  | { type: 'set-chat-id'; chatId: string; title?: string }
  | { type: 'saved'; at: number }
  | { type: 'dismiss-error' };

export const initialChatState = (model?: string): ChatState => ({
  model,
  system: '',
  options: {},
  messages: [],
});

const finishReply = (
  streaming: StreamingReply,
  extra: Pick<ChatMessage, 'metrics' | 'stopped' | 'error' | 'doneReason'>,
): ChatMessage => ({
  id: streaming.id,
  role: 'assistant',
  content: streaming.content,
  ...(streaming.thinking ? { thinking: streaming.thinking } : {}),
  model: streaming.model,
  createdAt: streaming.startedAt,
  ...extra,
});

const liveRate = (streaming: StreamingReply, tokens: number, at: number): number | undefined => {
  const since = streaming.firstTokenAt ?? at;
  const elapsedMs = at - since;
  // The first batch has no elapsed time to divide by yet.
  return elapsedMs > 0 ? ((tokens - 1) * 1000) / elapsedMs : undefined;
};

export const chatReducer = (state: ChatState, action: ChatAction): ChatState => {
  switch (action.type) {
    case 'new-chat':
      return { ...initialChatState(action.model ?? state.model), options: state.options };
    case 'load-chat':
      return {
        chatId: action.chat.chatId,
        title: action.chat.title,
        model: action.chat.model ?? state.model,
        system: action.chat.system ?? '',
        options: action.chat.options ?? {},
        messages: action.chat.messages,
      };
    case 'send': {
      if (state.streaming || !state.model) return state;
      const user: ChatMessage = {
        id: action.userId,
        role: 'user',
        content: action.content,
        createdAt: action.at,
      };
      return {
        ...state,
        error: undefined,
        messages: [...state.messages, user],
        streaming: {
          id: action.replyId,
          model: state.model,
          content: '',
          thinking: '',
          startedAt: action.at,
          tokens: 0,
        },
      };
    }
    case 'stream-delta': {
      const streaming = state.streaming;
      if (!streaming) return state;
      const tokens = streaming.tokens + action.tokens;
      const firstTokenAt = streaming.firstTokenAt ?? action.at;
      const next = { ...streaming, firstTokenAt };
      return {
        ...state,
        streaming: {
          ...next,
          content: streaming.content + action.content,
          thinking: streaming.thinking + action.thinking,
          tokens,
          liveTokensPerSecond: action.tokensPerSecond ?? liveRate(next, tokens, action.at),
        },
      };
    }
    case 'stream-end': {
      if (!state.streaming) return state;
      const metrics: ReplyMetrics = {
        ...action.metrics,
        timeToFirstTokenMs:
          action.metrics.timeToFirstTokenMs ??
          (state.streaming.firstTokenAt === undefined
            ? undefined
            : state.streaming.firstTokenAt - state.streaming.startedAt),
      };
      return {
        ...state,
        streaming: undefined,
        messages: [
          ...state.messages,
          finishReply(
            state.streaming,
            action.doneReason ? { metrics, doneReason: action.doneReason } : { metrics },
          ),
        ],
      };
    }
    case 'stream-stopped':
      if (!state.streaming) return state;
      return {
        ...state,
        streaming: undefined,
        messages: [
          ...state.messages,
          finishReply(state.streaming, { stopped: true, doneReason: 'aborted' }),
        ],
      };
    case 'stream-error': {
      if (!state.streaming) return { ...state, error: action.message };
      const partial = state.streaming.content.length > 0 || state.streaming.thinking.length > 0;
      return {
        ...state,
        error: action.message,
        streaming: undefined,
        messages: partial
          ? [...state.messages, finishReply(state.streaming, { error: action.message })]
          : state.messages,
      };
    }
    case 'switch-model':
      // The history stays: the next request sends every message to the new model.
      return { ...state, model: action.model };
    case 'set-system':
      return { ...state, system: action.system };
    case 'set-options':
      return { ...state, options: action.options };
    case 'set-chat-id':
      return { ...state, chatId: action.chatId, title: action.title ?? state.title };
    case 'saved':
      return { ...state, savedAt: action.at };
    case 'dismiss-error':
      return { ...state, error: undefined };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
};

/** The messages to send for the next request: the system prompt first, then the whole history. */
export const requestMessages = (
  state: Pick<ChatState, 'system' | 'messages'>,
): { role: 'system' | 'user' | 'assistant'; content: string }[] => [
  ...(state.system.trim() ? [{ role: 'system' as const, content: state.system }] : []),
  ...state.messages
    .filter((message) => message.content.length > 0)
    .map((message) => ({ role: message.role, content: message.content })),
];

export type ChatTotals = {
  replies: number;
  promptTokens: number;
  outputTokens: number;
  generationMs: number;
};

/** Running totals for the whole chat, from the replies' metrics. */
export const chatTotals = (messages: readonly ChatMessage[]): ChatTotals => {
  const totals: ChatTotals = { replies: 0, promptTokens: 0, outputTokens: 0, generationMs: 0 };
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    totals.replies += 1;
    totals.promptTokens += message.metrics?.promptTokens ?? 0;
    totals.outputTokens += message.metrics?.outputTokens ?? 0;
    totals.generationMs += message.metrics?.totalMs ?? 0;
  }
  return totals;
};
