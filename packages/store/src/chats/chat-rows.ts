import type { Options, ToolCall } from '@ollamamon/client/schemas';
import type { Chat, DoneReason, Message, ReplyMetrics, Role } from './chat-schemas.ts';

export interface ChatRow {
  id: string;
  title: string;
  host: string | null;
  model: string | null;
  options: string | null;
  created_at: number;
  updated_at: number;
}

export interface MessageRow {
  id: number;
  chat_id: string;
  role: string;
  content: string;
  thinking: string | null;
  images: string | null;
  tool_calls: string | null;
  tool_name: string | null;
  host: string | null;
  model: string | null;
  options: string | null;
  metrics: string | null;
  done_reason: string | null;
  created_at: number;
}

export const toIso = (milliseconds: number): string => new Date(milliseconds).toISOString();

export function chatFromRow(row: ChatRow): Chat {
  const chat: Chat = {
    id: row.id,
    title: row.title,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
  if (row.host !== null) chat.host = row.host;
  if (row.model !== null) chat.model = row.model;
  if (row.options !== null) chat.options = JSON.parse(row.options) as Options;
  return chat;
}

export function messageFromRow(row: MessageRow): Message {
  const message: Message = {
    id: row.id,
    chatId: row.chat_id,
    role: row.role as Role,
    content: row.content,
    createdAt: toIso(row.created_at),
  };
  if (row.thinking !== null) message.thinking = row.thinking;
  if (row.images !== null) message.images = JSON.parse(row.images) as string[];
  if (row.tool_calls !== null) message.tool_calls = JSON.parse(row.tool_calls) as ToolCall[];
  if (row.tool_name !== null) message.tool_name = row.tool_name;
  if (row.host !== null) message.host = row.host;
  if (row.model !== null) message.model = row.model;
  if (row.options !== null) message.options = JSON.parse(row.options) as Options;
  if (row.metrics !== null) message.metrics = JSON.parse(row.metrics) as ReplyMetrics;
  if (row.done_reason !== null) message.doneReason = row.done_reason as DoneReason;
  return message;
}

/** JSON text for a column, or null when absent. */
export const jsonOrNull = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(value);
