import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { useTheme } from '../theme.js';
import { type ChatOptionsFields, parseChatOptionsFields } from './chat-options-form.js';
import type { ChatOptions } from './chat-state.js';
import { PromptInput } from './prompt-input/prompt-input.js';

const fieldOrder: { field: keyof ChatOptionsFields; label: string; hint: string }[] = [
  { field: 'system', label: 'System prompt', hint: 'empty: the model’s own' },
  { field: 'temperature', label: 'temperature', hint: '0-2, empty: default' },
  { field: 'num_ctx', label: 'num_ctx', hint: 'context tokens, empty: default' },
  { field: 'keep_alive', label: 'keep_alive', hint: '5m, 1h, -1 = forever' },
];

export type ChatSettingsProps = {
  isActive: boolean;
  initial: ChatOptionsFields;
  onApply: (system: string, options: ChatOptions) => void;
  onClose: () => void;
};

/** The per-chat system prompt and options; ↑/↓ move, Enter applies, Esc cancels. */
export const ChatSettings = ({ isActive, initial, onApply, onClose }: ChatSettingsProps) => {
  const theme = useTheme();
  const [fields, setFields] = useState(initial);
  const [focus, setFocus] = useState(0);
  const [error, setError] = useState<string>();
  const apply = (current: ChatOptionsFields) => {
    const parsed = parseChatOptionsFields(current);
    if (!parsed.ok) {
      setError(parsed.message);
      setFocus(fieldOrder.findIndex((entry) => entry.field === parsed.field));
      return;
    }
    onApply(parsed.system, parsed.options);
  };
  useInput(
    (_input, key) => {
      if (key.escape) onClose();
      else if (key.upArrow) setFocus((index) => Math.max(0, index - 1));
      else if (key.downArrow || key.tab) setFocus((index) => (index + 1) % fieldOrder.length);
    },
    { isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold>Chat settings (↑/↓ move · Enter applies · Esc cancels)</Text>
      {fieldOrder.map((entry, index) => (
        <Box key={entry.field} flexDirection="column">
          <Text color={index === focus ? theme.text.accent : theme.text.muted}>
            {entry.label} <Text dimColor>({entry.hint})</Text>
          </Text>
          <PromptInput
            isActive={isActive && index === focus}
            initialValue={initial[entry.field]}
            allowEmpty
            keepOnSubmit
            prefix={index === focus ? '› ' : '  '}
            onChange={(value) => setFields((previous) => ({ ...previous, [entry.field]: value }))}
            onSubmit={(value) => {
              apply({ ...fields, [entry.field]: value });
              return true;
            }}
          />
        </Box>
      ))}
      {error ? <Text color={theme.status.error}>{error}</Text> : null}
    </Box>
  );
};
