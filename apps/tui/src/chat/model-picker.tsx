import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { useTheme } from '../theme.js';
import { PromptInput } from './prompt-input/prompt-input.js';

export type ModelPickerProps = {
  isActive: boolean;
  models: readonly string[];
  current?: string;
  onPick: (model: string) => void;
  onClose: () => void;
};

/** Switch the chat's model: type to filter, ↑/↓, Enter. The history goes to the new model. */
export const ModelPicker = ({ isActive, models, current, onPick, onClose }: ModelPickerProps) => {
  const theme = useTheme();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(Math.max(0, models.indexOf(current ?? '')));
  const shown = models.filter((model) => model.toLowerCase().includes(query.toLowerCase()));
  const index = Math.min(selected, Math.max(0, shown.length - 1));
  useInput(
    (_input, key) => {
      if (key.escape) onClose();
      else if (key.upArrow) setSelected(Math.max(0, index - 1));
      else if (key.downArrow) setSelected(Math.min(shown.length - 1, index + 1));
    },
    { isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold>Switch model (the conversation so far goes to it) · Esc cancels</Text>
      <PromptInput
        isActive={isActive}
        placeholder="filter"
        allowEmpty
        onChange={(value) => {
          setQuery(value);
          setSelected(0);
        }}
        onSubmit={() => {
          const model = shown[index];
          if (model) onPick(model);
        }}
      />
      {shown.length === 0 ? <Text color={theme.text.muted}>no model matches</Text> : null}
      {shown.slice(0, 15).map((model, position) => (
        <Text
          key={model}
          inverse={position === index}
          color={model === current ? theme.status.ok : undefined}
        >
          {position === index ? '› ' : '  '}
          {model}
          {model === current ? ' (current)' : ''}
        </Text>
      ))}
    </Box>
  );
};
