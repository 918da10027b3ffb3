import { Box, Text, useInput } from 'ink';
import { useTheme } from './theme.js';

/**
 * Shown while no host answers: the address tried, why it failed, and what to do. The app keeps
 * retrying (the status hook polls); `r` retries at once.
 */
export function NoHostScreen(props: {
  hostUrl: string;
  error: string | undefined;
  attempts: number;
  retryEverySeconds: number;
  isActive: boolean;
  onRetry: () => void;
  /** When given, `d` starts the demo (a simulated host) right here. */
  onStartDemo?: (() => void) | undefined;
}) {
  const theme = useTheme();
  useInput(
    (input) => {
      if (input === 'r') props.onRetry();
      if (input === 'd') props.onStartDemo?.();
    },
    { isActive: props.isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.status.error} paddingX={1}>
      <Text bold color={theme.status.error}>
        No Ollama host answers at {props.hostUrl}
      </Text>
      {props.error ? <Text color={theme.text.muted}>{props.error}</Text> : null}
      <Text> </Text>
      <Text>What to do:</Text>
      <Text> • Start Ollama on this machine: ollama serve</Text>
      <Text>
        {' '}
        • Or point ollamamon at a running one: OLLAMA_HOST=http://host:11434 ollamamon (or --host)
      </Text>
      <Text>
        {' • Or try it without Ollama: '}
        {props.onStartDemo ? 'press d now, or run ' : ''}
        {'ollamamon --demo (a simulated Ollama)'}
      </Text>
      <Text> • Or add and switch hosts on the Hosts tab (4)</Text>
      <Text> </Text>
      <Text color={theme.text.muted}>
        Retrying every {props.retryEverySeconds} s (attempt {props.attempts}) · r retry now
        {props.onStartDemo ? ' · d demo' : ''} · q quit
      </Text>
    </Box>
  );
}
