import { Box, Text, useInput } from 'ink';
import { useMemo, useState } from 'react';
import { formatRelativeTime } from '../format/relative-time.js';
import { useTheme } from '../theme.js';
import type { ChatStoreLike } from './chat-record.js';
import { PromptInput } from './prompt-input/prompt-input.js';

type Row = { chatId: string; title: string; detail: string };

const rowsFor = (
  chats: ChatStoreLike,
  query: string,
  now: number,
): { rows: Row[]; error?: string } => {
  try {
    if (!query.trim()) {
      return {
        rows: chats.list({ limit: 100 }).map((chat) => ({
          chatId: chat.id,
          title: chat.title,
          detail: `${chat.messageCount} messages · ${chat.model ?? ''} · ${formatRelativeTime(chat.updatedAt, now)}`,
        })),
      };
    }
    const seen = new Set<string>();
    const rows: Row[] = [];
    for (const hit of chats.search(query, { limit: 100, highlight: ['«', '»'] })) {
      if (seen.has(hit.chatId)) continue;
      seen.add(hit.chatId);
      rows.push({
        chatId: hit.chatId,
        title: hit.chatTitle,
        detail: hit.snippet.replace(/\s+/g, ' '),
      });
    }
    return { rows };
  } catch (error) {
    return { rows: [], error: error instanceof Error ? error.message : String(error) };
  }
};

export type PastChatsProps = {
  isActive: boolean;
  chats: ChatStoreLike;
  onResume: (chatId: string) => void;
  onClose: () => void;
  height: number;
};

/** Past chats, newest first; typing searches every message (full text); Enter resumes. */
export const PastChats = ({ isActive, chats, onResume, onClose, height }: PastChatsProps) => {
  const theme = useTheme();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const { rows, error } = useMemo(() => rowsFor(chats, query, Date.now()), [chats, query]);
  const index = Math.min(selected, Math.max(0, rows.length - 1));
  useInput(
    (_input, key) => {
      if (key.escape) onClose();
      else if (key.upArrow) setSelected(Math.max(0, index - 1));
      else if (key.downArrow) setSelected(Math.min(rows.length - 1, index + 1));
    },
    { isActive },
  );
  const visible = Math.max(1, Math.floor((height - 4) / 2));
  const first = Math.max(0, Math.min(index - Math.floor(visible / 2), rows.length - visible));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold>Past chats · type to search all messages · Enter resumes · Esc closes</Text>
      <PromptInput
        isActive={isActive}
        placeholder="search"
        allowEmpty
        onChange={(value) => {
          setQuery(value);
          setSelected(0);
        }}
        onSubmit={() => {
          const row = rows[index];
          if (row) onResume(row.chatId);
        }}
      />
      {error ? <Text color={theme.status.error}>{error}</Text> : null}
      {rows.length === 0 && !error ? (
        <Text color={theme.text.muted}>{query ? 'nothing matches' : 'no chats yet'}</Text>
      ) : null}
      {rows.slice(first, first + visible).map((row, position) => (
        <Box key={row.chatId} flexDirection="column">
          <Text inverse={first + position === index} wrap="truncate-end">
            {first + position === index ? '› ' : '  '}
            {row.title}
          </Text>
          <Text color={theme.text.muted} wrap="truncate-end">
            {'    '}
            {row.detail}
          </Text>
        </Box>
      ))}
    </Box>
  );
};
