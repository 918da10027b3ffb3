import {
  type Options,
  optionsSchema,
  type ToolCall,
  toolCallSchema,
} from '@ollamamon/client/schemas';
import { z } from 'zod';

/** Ollama's message roles (see shared/ollama-api.md, /api/chat). */
export const roleSchema = z.enum(['system', 'user', 'assistant', 'tool']);

/** Per-reply figures, as the client measures them. */
export const replyMetricsSchema = z.strictObject({
  promptTokens: z.number().int().nonnegative().optional(),
  outputTokens: z.number().int().nonnegative().optional(),
  timeToFirstTokenMs: z.number().nonnegative().optional(),
  loadMs: z.number().nonnegative().optional(),
  totalMs: z.number().nonnegative().optional(),
  /** Generation rate: eval_count / eval_duration. */
  tokensPerSecond: z.number().nonnegative().optional(),
  /** Prompt-evaluation rate: prompt_eval_count / prompt_eval_duration. */
  promptTokensPerSecond: z.number().nonnegative().optional(),
});

/**
 * Why a reply ended: Ollama's `done_reason` (`stop`: the model finished; `length`: it hit `num_predict`
 * or the context; `load` / `unload`: a load or unload request, no text), or ours, `aborted`: the user
 * stopped the reply before Ollama finished it.
 */
export const doneReasonSchema = z.enum(['stop', 'length', 'load', 'unload', 'aborted']);

/** Request options: Ollama's `options` object (num_ctx, temperature, …), schema from the client. */
export const requestOptionsSchema = optionsSchema;

const isoDate = z.iso.datetime({ offset: true });

/**
 * An image is stored by reference (a file path, URL or `sha256:` digest), never as base64 bytes,
 * so the database stays small. A reference longer than 4096 characters is refused.
 */
export const imageReferenceSchema = z
  .string()
  .min(1)
  .max(4096, 'images are stored by reference (path, URL or sha256 digest), not as base64 data');

/** What callers pass to `chats.append`. Field names mirror Ollama's message where they exist. */
export const messageInputSchema = z.strictObject({
  role: roleSchema,
  content: z.string(),
  thinking: z.string().optional(),
  images: z.array(imageReferenceSchema).optional(),
  tool_calls: z.array(toolCallSchema).optional(),
  tool_name: z.string().optional(),
  host: z.string().optional(),
  model: z.string().optional(),
  options: requestOptionsSchema.optional(),
  metrics: replyMetricsSchema.optional(),
  doneReason: doneReasonSchema.optional(),
  createdAt: isoDate.optional(),
});

/** What `chats.updateMessage` may change, e.g. while a reply streams in. */
export const messageUpdateSchema = messageInputSchema
  .pick({ content: true, thinking: true, tool_calls: true, metrics: true, doneReason: true })
  .partial();

export const chatInputSchema = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  title: z.string().optional(),
  host: z.string().optional(),
  model: z.string().optional(),
  options: requestOptionsSchema.optional(),
  createdAt: isoDate.optional(),
});

/** What `chats.update` may change: the chat's own settings (its messages keep theirs). */
export const chatUpdateSchema = z.strictObject({
  title: z.string().optional(),
  host: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  options: requestOptionsSchema.nullable().optional(),
});

/** One chat in our JSON export format, with its messages. */
export const exportedChatSchema = z.strictObject({
  id: z.string().min(1).max(200),
  title: z.string(),
  host: z.string().optional(),
  model: z.string().optional(),
  options: requestOptionsSchema.optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
  messages: z.array(messageInputSchema.required({ createdAt: true })),
});

export const chatsExportFormat = 'ollamamon-chats';
export const chatsExportVersion = 1;

/** The JSON document `chats.exportJson()` writes and `chats.importJson()` reads. */
export const chatsExportSchema = z.strictObject({
  format: z.literal(chatsExportFormat),
  version: z.literal(chatsExportVersion),
  exportedAt: isoDate,
  chats: z.array(exportedChatSchema),
});

export type Role = z.infer<typeof roleSchema>;
export type ReplyMetrics = z.infer<typeof replyMetricsSchema>;
export type DoneReason = z.infer<typeof doneReasonSchema>;
export type MessageInput = z.input<typeof messageInputSchema>;
export type ChatInput = z.input<typeof chatInputSchema>;
export type ChatUpdate = z.input<typeof chatUpdateSchema>;
export type MessageUpdate = z.input<typeof messageUpdateSchema>;
export type ExportedChat = z.infer<typeof exportedChatSchema>;
export type ChatsExport = z.infer<typeof chatsExportSchema>;

/** A stored message. `id` grows with insertion order. */
export interface Message {
  id: number;
  chatId: string;
  role: Role;
  content: string;
  thinking?: string;
  images?: string[];
  tool_calls?: ToolCall[];
  tool_name?: string;
  host?: string;
  model?: string;
  options?: Options;
  metrics?: ReplyMetrics;
  /** Why the reply ended (assistant messages); absent when not known, e.g. stored before schema 4. */
  doneReason?: DoneReason;
  createdAt: string;
}

/** A stored chat (without its messages). */
export interface Chat {
  id: string;
  title: string;
  host?: string;
  model?: string;
  options?: Options;
  createdAt: string;
  updatedAt: string;
}

/** A chat in a listing. */
export interface ChatSummary extends Chat {
  messageCount: number;
}

/** One full-text search result. */
export interface SearchHit {
  messageId: number;
  chatId: string;
  chatTitle: string;
  role: Role;
  /** The matching text with matches wrapped in the `highlight` markers. */
  snippet: string;
  /** BM25 rank: lower is a better match. */
  rank: number;
  createdAt: string;
}
