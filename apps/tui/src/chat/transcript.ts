/**
 * Chooses what the transcript shows: only the tail that fits the screen (issue 7: "keep the live region within
 * the screen"). Finished messages are parsed once (cached by message object) and their blocks keep their
 * identity, so memoised block components skip reconciliation on every streaming flush.
 */
import type { ChatMessage, StreamingReply } from './chat-state.js';
import { type MarkdownBlock, parseMarkdown } from './markdown/parse-markdown.js';
import {
  createStreamingMarkdown,
  type StreamingMarkdown,
} from './markdown/parse-streaming-markdown.js';

export type TranscriptItem =
  | { key: string; kind: 'header'; role: 'user' | 'assistant'; model?: string; streaming: boolean }
  | { key: string; kind: 'thinking'; text: string; streaming: boolean }
  | { key: string; kind: 'block'; block: MarkdownBlock; clipRows?: number }
  | { key: string; kind: 'metrics'; message: ChatMessage }
  | { key: string; kind: 'live'; reply: StreamingReply };

export type TranscriptWindow = {
  items: TranscriptItem[];
  /** Whether anything above the first item was left out. */
  hiddenAbove: boolean;
};

const blockCache = new WeakMap<ChatMessage, MarkdownBlock[]>();

const blocksOf = (message: ChatMessage): MarkdownBlock[] => {
  let blocks = blockCache.get(message);
  if (!blocks) {
    blocks =
      message.role === 'user'
        ? [{ kind: 'paragraph', text: message.content }]
        : parseMarkdown(message.content);
    blockCache.set(message, blocks);
  }
  return blocks;
};

/** The text of a block as the rows it wraps to at `width` columns (an estimate: Ink wraps at words). */
const wrapRows = (text: string, width: number): string[] => {
  const rows: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= width) rows.push(line);
    else
      for (let start = 0; start < line.length; start += width)
        rows.push(line.slice(start, start + width));
  }
  return rows;
};

const contentWidth = (block: MarkdownBlock, width: number): number => {
  switch (block.kind) {
    case 'code':
      // Bordered box: border and one column of padding each side.
      return Math.max(1, width - 4);
    case 'list-item':
      return Math.max(1, width - 2 - block.depth * 2);
    case 'quote':
      return Math.max(1, width - 2);
    default:
      return width;
  }
};

const blockText = (block: MarkdownBlock): string =>
  block.kind === 'code' ? block.code : block.kind === 'rule' ? '' : block.text;

/** Rows around a block's text: the blank line after it, and a code block's border. */
const overheadRows = (block: MarkdownBlock): number => (block.kind === 'code' ? 3 : 1);

/** Rows a block takes at `width` columns, its trailing blank line included. */
const rowsCache = new WeakMap<MarkdownBlock, { width: number; rows: number }>();

export const blockRows = (block: MarkdownBlock, width: number): number => {
  const cached = rowsCache.get(block);
  if (cached?.width === width) return cached.rows;
  const rows =
    (block.kind === 'rule' ? 1 : wrapRows(blockText(block), contentWidth(block, width)).length) +
    overheadRows(block);
  rowsCache.set(block, { width, rows });
  return rows;
};

/** The block with only its text rows `[startRow, endRow)` (for blocks taller than the window). */
export const sliceBlock = (
  block: MarkdownBlock,
  startRow: number,
  endRow: number,
  width: number,
): MarkdownBlock => {
  if (block.kind === 'rule') return block;
  const text = wrapRows(blockText(block), contentWidth(block, width))
    .slice(startRow, endRow)
    .join('\n');
  return block.kind === 'code' ? { ...block, code: text } : { ...block, text };
};

const itemRows = (item: TranscriptItem, width: number, expandThinking: boolean): number => {
  switch (item.kind) {
    case 'block':
      return blockRows(item.block, width);
    case 'thinking':
      return expandThinking ? wrapRows(item.text, width).length + 1 : 1;
    default:
      return 1;
  }
};

const itemCache = new WeakMap<ChatMessage, TranscriptItem[]>();

const messageItems = (message: ChatMessage): TranscriptItem[] => {
  const cached = itemCache.get(message);
  if (cached) return cached;
  const items: TranscriptItem[] = [
    {
      key: `${message.id}:h`,
      kind: 'header',
      role: message.role,
      model: message.model,
      streaming: false,
    },
  ];
  if (message.thinking)
    items.push({
      key: `${message.id}:t`,
      kind: 'thinking',
      text: message.thinking,
      streaming: false,
    });
  blocksOf(message).forEach((block, index) => {
    items.push({ key: `${message.id}:${index}`, kind: 'block', block });
  });
  if (message.role === 'assistant')
    items.push({ key: `${message.id}:m`, kind: 'metrics', message });
  itemCache.set(message, items);
  return items;
};

/** One incremental parser for the reply being streamed (there is one at a time). */
let streaming: { id: string; parser: StreamingMarkdown } | undefined;
const streamingParser = (id: string): StreamingMarkdown => {
  if (streaming?.id !== id) streaming = { id, parser: createStreamingMarkdown() };
  return streaming.parser;
};

const streamingItems = (reply: StreamingReply): TranscriptItem[] => {
  const items: TranscriptItem[] = [
    {
      key: `${reply.id}:h`,
      kind: 'header',
      role: 'assistant',
      model: reply.model,
      streaming: true,
    },
  ];
  if (reply.thinking)
    items.push({ key: `${reply.id}:t`, kind: 'thinking', text: reply.thinking, streaming: true });
  streamingParser(reply.id)
    .parse(reply.content)
    .forEach((block, index) => {
      items.push({ key: `${reply.id}:${index}`, kind: 'block', block });
    });
  items.push({ key: `${reply.id}:live`, kind: 'live', reply });
  return items;
};

export type TranscriptWindowOptions = {
  messages: readonly ChatMessage[];
  streaming?: StreamingReply;
  width: number;
  height: number;
  /** Rows scrolled up from the bottom. @default 0 */
  scrollRows?: number;
  expandThinking?: boolean;
};

/** The items that fill the last `height` rows (after scrolling up `scrollRows`). */
export const transcriptWindow = ({
  messages,
  streaming,
  width,
  height,
  scrollRows = 0,
  expandThinking = false,
}: TranscriptWindowOptions): TranscriptWindow => {
  const safeWidth = Math.max(10, width);
  const picked: TranscriptItem[] = [];
  let skip = scrollRows;
  let budget = height;
  const visit = (items: TranscriptItem[]): boolean => {
    for (let index = items.length - 1; index >= 0; index -= 1) {
      const item = items[index]!;
      const rows = itemRows(item, safeWidth, expandThinking);
      if (skip >= rows) {
        skip -= rows;
        continue;
      }
      const visibleRows = Math.min(rows - skip, budget);
      let shown = item;
      if (visibleRows < rows && item.kind === 'block') {
        // Taller than what is left: keep the rows just above the scroll position.
        const overhead = overheadRows(item.block);
        if (visibleRows <= overhead) return true;
        const endRow = Math.max(0, rows - overhead - skip);
        const startRow = Math.max(0, endRow - (visibleRows - overhead));
        shown = {
          ...item,
          block: sliceBlock(item.block, startRow, endRow, safeWidth),
          clipRows: rows - visibleRows,
        };
      }
      skip = 0;
      picked.unshift(shown);
      budget -= visibleRows;
      if (budget <= 0) return true;
    }
    return false;
  };
  let full = false;
  if (streaming) full = visit(streamingItems(streaming));
  for (let index = messages.length - 1; index >= 0 && !full; index -= 1) {
    full = visit(messageItems(messages[index]!));
  }
  return { items: picked, hiddenAbove: full };
};
