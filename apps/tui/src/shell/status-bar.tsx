import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

export interface HostStatus {
  readonly hostUrl: string;
  /** undefined while the first check runs */
  readonly up: boolean | undefined;
  readonly version: string | undefined;
  readonly loadedModels: number;
  readonly warnings: number;
  readonly demo: boolean;
}

/** One line: host, up/down, Ollama version, loaded models, warnings, and the key hints. */
export function StatusBar(props: { status: HostStatus; message?: string | undefined }) {
  const theme = useTheme();
  const { status } = props;
  const upText = status.up === undefined ? '… checking' : status.up ? '● up' : '○ down';
  const upColor =
    status.up === undefined ? theme.text.muted : status.up ? theme.status.ok : theme.status.error;
  return (
    <Box>
      <Box flexGrow={1} flexShrink={1}>
        <Text wrap="truncate-end">
          <Text color={upColor} bold>
            {upText}
          </Text>
          <Text> {status.hostUrl}</Text>
          {status.demo ? <Text color={theme.status.info}> (demo)</Text> : null}
          <Text color={theme.text.muted}> · Ollama {status.version ?? '?'}</Text>
          <Text color={theme.text.muted}> · loaded {status.loadedModels}</Text>
          <Text color={status.warnings > 0 ? theme.status.warning : theme.text.muted}>
            {' '}
            · warnings {status.warnings}
          </Text>
          {props.message ? <Text color={theme.status.info}> · {props.message}</Text> : null}
        </Text>
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Text color={theme.text.muted}>? help · : commands · q quit</Text>
      </Box>
    </Box>
  );
}
