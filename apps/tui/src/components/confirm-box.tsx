import { Box, Text, useInput } from 'ink';
import { useTheme } from '../theme.js';

/** A confirmation listing what will happen: y / Enter confirms, n / Esc cancels. */
export function ConfirmBox(props: {
  title: string;
  lines: readonly string[];
  footer?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const theme = useTheme();
  useInput((input, key) => {
    if (input === 'y' || input === 'Y' || key.return) props.onConfirm();
    else if (input === 'n' || input === 'N' || key.escape) props.onCancel();
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.status.warning} paddingX={1}>
      <Text bold color={theme.status.warning}>
        {props.title}
      </Text>
      {props.lines.map((line) => (
        <Text key={line}> {line}</Text>
      ))}
      {props.footer ? <Text>{props.footer}</Text> : null}
      <Text color={theme.text.muted}>y / Enter: yes · n / Esc: no</Text>
    </Box>
  );
}
