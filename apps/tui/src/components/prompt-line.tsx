import { TextInput } from '@inkjs/ui';
import { Box, Text, useInput } from 'ink';
import { useTheme } from '../theme.js';

/** A one-line text prompt: Enter submits, Esc cancels. */
export function PromptLine(props: {
  label: string;
  defaultValue?: string;
  placeholder?: string;
  onSubmit: (value: string) => void;
  onCancel: () => void;
  onChange?: (value: string) => void;
}) {
  const theme = useTheme();
  useInput((_input, key) => {
    if (key.escape) props.onCancel();
  });
  return (
    <Box>
      <Text color={theme.text.accent} bold>
        {props.label}{' '}
      </Text>
      <TextInput
        defaultValue={props.defaultValue}
        placeholder={props.placeholder}
        onChange={props.onChange}
        onSubmit={props.onSubmit}
      />
    </Box>
  );
}
