import { Box, Text } from 'ink';
import { formatBytes } from '../format/bytes.js';
import { formatDuration, formatRate } from '../format/duration.js';
import { progressBar } from '../format/progress-bar.js';
import { useTheme } from '../theme.js';
import type { PullItem } from './pull-queue-state.js';

/** The pull queue: one line per pull with a progress bar, percentage, rate and ETA. */
export function PullQueueView(props: { items: readonly PullItem[] }) {
  const theme = useTheme();
  if (props.items.length === 0) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>Pulls (x cancels the newest, X all)</Text>
      {props.items.map((item) => {
        const fraction = item.totalBytes > 0 ? item.completedBytes / item.totalBytes : 0;
        const bar = progressBar(item.status === 'done' ? 1 : fraction, 20);
        const statusColor =
          item.status === 'failed'
            ? theme.status.error
            : item.status === 'done'
              ? theme.status.ok
              : theme.text.muted;
        const finished = item.status !== 'pulling' && item.status !== 'queued';
        return (
          <Box key={item.id}>
            <Box width={26} flexShrink={0}>
              <Text wrap="truncate">{item.model}</Text>
            </Box>
            <Text wrap="truncate-end">
              <Text color={theme.progress.done}>{bar.done}</Text>
              <Text color={theme.progress.remaining}>{bar.remaining}</Text>
              <Text>
                {' '}
                {String(Math.round((item.status === 'done' ? 1 : fraction) * 100)).padStart(3)}%
              </Text>
              <Text color={theme.text.muted}>
                {' '}
                {formatBytes(item.completedBytes)}/{formatBytes(item.totalBytes)}
                {finished
                  ? ''
                  : ` ${formatRate(
                      item.bytesPerSecond === undefined ? undefined : item.bytesPerSecond / 1e6,
                      'MB/s',
                    )} ETA ${formatDuration(
                      item.etaSeconds === undefined ? undefined : item.etaSeconds * 1000,
                    )}`}
              </Text>
              <Text color={statusColor}>
                {' '}
                {item.error ? `${item.statusText}: ${item.error}` : item.statusText}
              </Text>
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
