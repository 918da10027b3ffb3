import { randomUUID } from 'node:crypto';
import type { Database } from '../database/database.ts';
import { InvalidInputError, NotFoundError } from '../errors/index.ts';
import { validate } from '../validate.ts';
import {
  type ChatRow,
  chatFromRow,
  jsonOrNull,
  type MessageRow,
  messageFromRow,
  toIso,
} from './chat-rows.ts';
import {
  type Chat,
  type ChatInput,
  type ChatSummary,
  type ChatsExport,
  type ChatUpdate,
  chatInputSchema,
  chatsExportFormat,
  chatsExportSchema,
  chatsExportVersion,
  chatUpdateSchema,
  type ExportedChat,
  type Message,
  type MessageInput,
  type MessageUpdate,
  messageInputSchema,
  messageUpdateSchema,
  type SearchHit,
} from './chat-schemas.ts';
import { formatChatMarkdown } from './format-chat-markdown.ts';
import { toFtsQuery } from './to-fts-query.ts';

/** Chats and their messages. Every write is one transaction. */
export interface ChatStore {
  /** Start a chat. The title defaults to "New chat"; the id to a random UUID. */
  create(input?: ChatInput): Chat;
  get(chatId: string): Chat | undefined;
  /** Chats, most recently updated first. */
  list(options?: { limit?: number; offset?: number; host?: string; model?: string }): ChatSummary[];
  rename(chatId: string, title: string): Chat;
  /**
   * Change a chat's settings mid-conversation: title, host, model, options (system prompt aside,
   * which is a message). `null` clears a field; a field left out keeps its value.
   */
  update(chatId: string, change: ChatUpdate): Chat;
  /** Delete a chat and its messages. Returns false if there was no such chat. */
  remove(chatId: string): boolean;
  /** Append one message; it is on disk when this returns. */
  append(chatId: string, message: MessageInput): Message;
  /** Append many messages in one transaction (all or none). */
  appendMany(chatId: string, messages: readonly MessageInput[]): Message[];
  /**
   * Change a stored message: content, thinking, tool calls, metrics. Lets an app save a reply
   * while it streams in (so a crash keeps what arrived) and complete it at the end.
   */
  updateMessage(messageId: number, change: MessageUpdate): Message;
  /** Messages of a chat in order; `afterId` pages forward. */
  messages(chatId: string, options?: { afterId?: number; limit?: number }): Message[];
  /**
   * Full-text search over message content and thinking (SQLite FTS5). Every word must match;
   * `"quoted phrases"` and `prefix*` work; no input raises a syntax error.
   */
  search(
    query: string,
    options?: {
      /** @default 50 */
      limit?: number;
      chatId?: string;
      /** Markers around matches in `snippet`. @default ['**', '**'] */
      highlight?: [string, string];
      /** Best matches first (BM25), or newest first (much faster on big histories). @default 'relevance' */
      order?: 'relevance' | 'newest';
    },
  ): SearchHit[];
  /** A readable Markdown transcript of one chat. */
  exportMarkdown(chatId: string): string;
  /** Our JSON export (all chats, or the ones named), as an object ready for `JSON.stringify`. */
  exportJson(options?: { chatIds?: readonly string[] }): ChatsExport;
  /**
   * Import our JSON export (text or parsed). Validated completely first, then written in one
   * transaction. A chat whose id exists is skipped, replaced, or imported as a copy with a new id.
   */
  importJson(
    data: string | unknown,
    options?: { onConflict?: 'skip' | 'replace' | 'copy' },
  ): { imported: string[]; skipped: string[]; replaced: string[] };
}

const insertMessageSql = `INSERT INTO messages
  (chat_id, role, content, thinking, images, tool_calls, tool_name, host, model, options, metrics,
   done_reason, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function createChatStore(database: Database): ChatStore {
  const chatRow = (chatId: string) =>
    database.statement('SELECT * FROM chats WHERE id = ?').get(chatId) as ChatRow | undefined;

  const requireChat = (chatId: string): ChatRow => {
    const row = chatRow(chatId);
    if (row === undefined) throw new NotFoundError({ kind: 'chat', id: chatId });
    return row;
  };

  const insertChat = (chat: {
    id: string;
    title: string;
    host?: string | undefined;
    model?: string | undefined;
    options?: Record<string, unknown> | undefined;
    createdAt: number;
    updatedAt: number;
  }) => {
    database
      .statement(
        'INSERT INTO chats (id, title, host, model, options, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        chat.id,
        chat.title,
        chat.host ?? null,
        chat.model ?? null,
        jsonOrNull(chat.options),
        chat.createdAt,
        chat.updatedAt,
      );
  };

  const insertMessages = (chatId: string, inputs: readonly MessageInput[]): Message[] => {
    const parsed = inputs.map((input, index) =>
      validate(messageInputSchema, input, `message ${index} for chat "${chatId}"`),
    );
    const insert = database.statement(insertMessageSql);
    const now = Date.now();
    let latest = 0;
    const stored: Message[] = [];
    for (const message of parsed) {
      const createdAt = message.createdAt === undefined ? now : Date.parse(message.createdAt);
      latest = Math.max(latest, createdAt);
      const { lastInsertRowid } = insert.run(
        chatId,
        message.role,
        message.content,
        message.thinking ?? null,
        jsonOrNull(message.images),
        jsonOrNull(message.tool_calls),
        message.tool_name ?? null,
        message.host ?? null,
        message.model ?? null,
        jsonOrNull(message.options),
        jsonOrNull(message.metrics),
        message.doneReason ?? null,
        createdAt,
      );
      const { createdAt: _ignored, ...rest } = message;
      stored.push({ id: Number(lastInsertRowid), chatId, ...rest, createdAt: toIso(createdAt) });
    }
    return stored;
  };

  const appendMany = (chatId: string, messages: readonly MessageInput[]): Message[] =>
    database.transaction(() => {
      const chat = requireChat(chatId);
      const stored = insertMessages(chatId, messages);
      database
        .statement('UPDATE chats SET updated_at = ? WHERE id = ?')
        .run(Math.max(chat.updated_at, Date.now()), chatId);
      return stored;
    });

  const exportChat = (row: ChatRow): ExportedChat => {
    const chat = chatFromRow(row);
    const rows = database
      .statement('SELECT * FROM messages WHERE chat_id = ? ORDER BY id')
      .all(row.id) as unknown as MessageRow[];
    return {
      ...chat,
      messages: rows.map((messageRow) => {
        const { id: _id, chatId: _chatId, ...message } = messageFromRow(messageRow);
        return message;
      }),
    };
  };

  return {
    create(input = {}) {
      const chat = validate(chatInputSchema, input, 'chat');
      const now = chat.createdAt === undefined ? Date.now() : Date.parse(chat.createdAt);
      const id = chat.id ?? randomUUID();
      database.transaction(() =>
        insertChat({
          ...chat,
          id,
          title: chat.title ?? 'New chat',
          createdAt: now,
          updatedAt: now,
        }),
      );
      return chatFromRow(requireChat(id));
    },

    get(chatId) {
      const row = chatRow(chatId);
      return row === undefined ? undefined : chatFromRow(row);
    },

    list(options = {}) {
      const rows = database
        .statement(
          `SELECT c.*, (SELECT count(*) FROM messages m WHERE m.chat_id = c.id) AS message_count
           FROM chats c
           WHERE (?1 IS NULL OR c.host = ?1) AND (?2 IS NULL OR c.model = ?2)
           ORDER BY c.updated_at DESC, c.id LIMIT ?3 OFFSET ?4`,
        )
        .all(
          options.host ?? null,
          options.model ?? null,
          options.limit ?? -1,
          options.offset ?? 0,
        ) as unknown as (ChatRow & { message_count: number })[];
      return rows.map((row) => ({ ...chatFromRow(row), messageCount: row.message_count }));
    },

    rename(chatId, title) {
      return database.transaction(() => {
        requireChat(chatId);
        database
          .statement('UPDATE chats SET title = ?, updated_at = ? WHERE id = ?')
          .run(title, Date.now(), chatId);
        return chatFromRow(requireChat(chatId));
      });
    },

    update(chatId, input) {
      const change = validate(chatUpdateSchema, input, `update of chat ${chatId}`);
      return database.transaction(() => {
        const row = requireChat(chatId);
        const pick = <TValue>(value: TValue | null | undefined, current: string | null) =>
          value === undefined ? current : value === null ? null : value;
        database
          .statement(
            'UPDATE chats SET title = ?, host = ?, model = ?, options = ?, updated_at = ? WHERE id = ?',
          )
          .run(
            change.title ?? row.title,
            pick(change.host, row.host),
            pick(change.model, row.model),
            change.options === undefined ? row.options : jsonOrNull(change.options ?? undefined),
            Date.now(),
            chatId,
          );
        return chatFromRow(requireChat(chatId));
      });
    },

    remove(chatId) {
      return database.transaction(
        () => database.statement('DELETE FROM chats WHERE id = ?').run(chatId).changes > 0,
      );
    },

    append(chatId, message) {
      const [stored] = appendMany(chatId, [message]);
      return stored!;
    },

    appendMany,

    updateMessage(messageId, input) {
      const change = validate(messageUpdateSchema, input, `update of message ${messageId}`);
      return database.transaction(() => {
        const row = database.statement('SELECT * FROM messages WHERE id = ?').get(messageId) as
          | MessageRow
          | undefined;
        if (row === undefined) throw new NotFoundError({ kind: 'message', id: String(messageId) });
        const next = {
          content: change.content ?? row.content,
          thinking: change.thinking === undefined ? row.thinking : change.thinking,
          tool_calls:
            change.tool_calls === undefined ? row.tool_calls : jsonOrNull(change.tool_calls),
          metrics: change.metrics === undefined ? row.metrics : jsonOrNull(change.metrics),
          done_reason: change.doneReason === undefined ? row.done_reason : change.doneReason,
        };
        database
          .statement(
            'UPDATE messages SET content = ?, thinking = ?, tool_calls = ?, metrics = ?, done_reason = ? WHERE id = ?',
          )
          .run(
            next.content,
            next.thinking,
            next.tool_calls,
            next.metrics,
            next.done_reason,
            messageId,
          );
        database
          .statement('UPDATE chats SET updated_at = max(updated_at, ?) WHERE id = ?')
          .run(Date.now(), row.chat_id);
        return messageFromRow({ ...row, ...next });
      });
    },

    messages(chatId, options = {}) {
      const rows = database
        .statement('SELECT * FROM messages WHERE chat_id = ? AND id > ? ORDER BY id LIMIT ?')
        .all(chatId, options.afterId ?? 0, options.limit ?? -1) as unknown as MessageRow[];
      return rows.map(messageFromRow);
    },

    search(query, options = {}) {
      const match = toFtsQuery(query);
      if (match === undefined) return [];
      const [open, close] = options.highlight ?? ['**', '**'];
      // Relevance has to rank every match (bm25); newest-first walks the index backwards and
      // stops at the limit, so it stays fast however many messages match (see bench/run.ts).
      const order =
        options.order === 'newest' ? 'messages_fts.rowid DESC' : 'rank, messages_fts.rowid DESC';
      const rows = database
        .statement(
          `SELECT m.id, m.chat_id, m.role, m.created_at, c.title,
             snippet(messages_fts, -1, ?1, ?2, '…', 16) AS snippet, bm25(messages_fts) AS rank
           FROM messages_fts
           JOIN messages m ON m.id = messages_fts.rowid
           JOIN chats c ON c.id = m.chat_id
           WHERE messages_fts MATCH ?3 AND (?4 IS NULL OR m.chat_id = ?4)
           ORDER BY ${order} LIMIT ?5`,
        )
        .all(open, close, match, options.chatId ?? null, options.limit ?? 50) as unknown as {
        id: number;
        chat_id: string;
        role: SearchHit['role'];
        created_at: number;
        title: string;
        snippet: string;
        rank: number;
      }[];
      return rows.map((row) => ({
        messageId: row.id,
        chatId: row.chat_id,
        chatTitle: row.title,
        role: row.role,
        snippet: row.snippet,
        rank: row.rank,
        createdAt: toIso(row.created_at),
      }));
    },

    exportMarkdown(chatId) {
      return formatChatMarkdown(exportChat(requireChat(chatId)));
    },

    exportJson(options = {}) {
      const rows =
        options.chatIds === undefined
          ? (database
              .statement('SELECT * FROM chats ORDER BY created_at, id')
              .all() as unknown as ChatRow[])
          : options.chatIds.map(requireChat);
      return {
        format: chatsExportFormat,
        version: chatsExportVersion,
        exportedAt: new Date().toISOString(),
        chats: rows.map(exportChat),
      };
    },

    importJson(data, options = {}) {
      const document = validate(chatsExportSchema, parseJsonText(data), 'chats import');
      const seen = new Set<string>();
      for (const [index, chat] of document.chats.entries()) {
        if (seen.has(chat.id)) {
          throw new InvalidInputError({
            subject: 'chats import',
            issues: [{ path: `chats[${index}].id`, message: `duplicate chat id "${chat.id}"` }],
          });
        }
        seen.add(chat.id);
      }
      return importChats(document.chats, options.onConflict ?? 'skip');
    },
  };

  function importChats(
    chats: readonly ExportedChat[],
    onConflict: 'skip' | 'replace' | 'copy',
  ): { imported: string[]; skipped: string[]; replaced: string[] } {
    const result = { imported: [] as string[], skipped: [] as string[], replaced: [] as string[] };
    database.transaction(() => {
      for (const chat of chats) {
        let id = chat.id;
        if (chatRow(id) !== undefined) {
          if (onConflict === 'skip') {
            result.skipped.push(id);
            continue;
          }
          if (onConflict === 'replace') {
            database.statement('DELETE FROM chats WHERE id = ?').run(id);
            result.replaced.push(id);
          } else {
            id = randomUUID();
          }
        }
        const { messages, ...fields } = chat;
        insertChat({
          ...fields,
          id,
          createdAt: Date.parse(chat.createdAt),
          updatedAt: Date.parse(chat.updatedAt),
        });
        insertMessages(id, messages);
        result.imported.push(id);
      }
    });
    return result;
  }
}

/** Accept JSON text or an already parsed value. */
export function parseJsonText(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch (error) {
    throw new InvalidInputError({
      subject: 'JSON',
      issues: [{ path: '', message: `not valid JSON (${(error as Error).message})` }],
    });
  }
}
