import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../theme.js';
import { formatLive, formatReplyMetrics } from './format-metrics.js';
import { MarkdownBlockView } from './markdown/markdown-block-view.js';
import type { TranscriptItem } from './transcript.js';

const ItemView = ({ item, expandThinking }: { item: TranscriptItem; expandThinking: boolean }) => {
  const theme = useTheme();
  switch (item.kind) {
    case 'header':
      return item.role === 'user' ? (
        <Text bold color={theme.text.accent}>
          you
        </Text>
      ) : (
        <Text bold color={theme.status.ok}>
          {item.model ?? 'assistant'}
          {item.streaming ? <Text color={theme.text.muted}> (writing…)</Text> : null}
        </Text>
      );
    case 'thinking':
      return expandThinking ? (
        <Box marginBottom={1}>
          <Text color={theme.text.muted} italic>
            {item.text}
          </Text>
        </Box>
      ) : (
        <Text color={theme.text.muted}>
          ▸ thinking{item.streaming ? '…' : ''} ({item.text.length.toLocaleString('en-US')} chars,
          t/ctrl+r to expand)
        </Text>
      );
    case 'block':
      return (
        <Box marginBottom={1} flexDirection="column">
          {item.clipRows ? <Text color={theme.text.muted}>⋮</Text> : null}
          <MarkdownBlockView block={item.block} />
        </Box>
      );
    case 'metrics': {
      const { message } = item;
      const note = message.stopped
        ? 'stopped'
        : message.error
          ? `error: ${message.error}`
          : formatReplyMetrics(message.metrics);
      return (
        <Text color={message.error ? theme.status.error : theme.text.muted} wrap="truncate-end">
          {note}
        </Text>
      );
    }
    case 'live':
      return (
        <Text color={theme.status.info}>● {formatLive(item.reply, Date.now())} · Esc stops</Text>
      );
    default: {
      const unreachable: never = item;
      return unreachable;
    }
  }
};

/** One transcript row group; finished items keep their identity, so memo skips them while streaming. */
export const TranscriptItemView = memo(
  ItemView,
  (previous, next) =>
    previous.expandThinking === next.expandThinking &&
    (previous.item === next.item ||
      (previous.item.kind === 'block' &&
        next.item.kind === 'block' &&
        previous.item.key === next.item.key &&
        previous.item.clipRows === next.item.clipRows &&
        previous.item.block === next.item.block)),
);

export type TranscriptViewProps = {
  items: readonly TranscriptItem[];
  hiddenAbove: boolean;
  height: number;
  expandThinking: boolean;
};

/** The transcript: a fixed-height box showing the window's items, bottom-aligned, never taller than `height`. */
export const TranscriptView = ({
  items,
  hiddenAbove,
  height,
  expandThinking,
}: TranscriptViewProps) => {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={height} overflowY="hidden" justifyContent="flex-end">
      {hiddenAbove ? <Text color={theme.text.muted}>↑ earlier messages (PgUp)</Text> : null}
      {items.map((item) => (
        // flexShrink 0: when the window's row estimate falls short, the oldest rows are cut at the top
        // (justifyContent flex-end), instead of Yoga squeezing every item.
        <Box key={item.key} flexShrink={0} flexDirection="column">
          <TranscriptItemView item={item} expandThinking={expandThinking} />
        </Box>
      ))}
    </Box>
  );
};
