import { TextInput } from '@inkjs/ui';
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { useTheme } from '../theme.js';

export interface PaletteCommand {
  readonly id: string;
  readonly title: string;
  /** Shown dimmed on the right, e.g. the key that does the same. */
  readonly hint?: string;
}

/** Commands whose id or title contains every typed word (case-insensitive). */
export function matchCommands(
  commands: readonly PaletteCommand[],
  query: string,
): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  return commands.filter((command) => {
    const text = `${command.id} ${command.title}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** `:` opens it: type to narrow, ↑/↓ to choose, Enter to run, Esc to close. */
export function CommandPalette(props: {
  commands: readonly PaletteCommand[];
  onRun: (command: PaletteCommand) => void;
  onClose: () => void;
  maxRows?: number;
}) {
  const theme = useTheme();
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const matches = matchCommands(props.commands, query);
  const maxRows = props.maxRows ?? 10;
  const index = Math.min(cursor, Math.max(0, matches.length - 1));
  const start = Math.max(0, Math.min(index - maxRows + 1, matches.length - maxRows));
  useInput((_input, key) => {
    if (key.escape) props.onClose();
    else if (key.upArrow) setCursor(Math.max(0, index - 1));
    else if (key.downArrow) setCursor(Math.min(matches.length - 1, index + 1));
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Box>
        <Text color={theme.text.accent}>: </Text>
        <TextInput
          placeholder="type a command"
          onChange={(value) => {
            setQuery(value);
            setCursor(0);
          }}
          onSubmit={() => {
            const command = matches[index];
            if (command) props.onRun(command);
          }}
        />
      </Box>
      {matches.slice(start, start + maxRows).map((command, offset) => {
        const selected = start + offset === index;
        return (
          <Box key={command.id}>
            <Text inverse={selected} bold={selected}>
              {selected ? '› ' : '  '}
              {command.title}
            </Text>
            {command.hint ? <Text color={theme.text.muted}> {command.hint}</Text> : null}
          </Box>
        );
      })}
      {matches.length === 0 ? <Text color={theme.text.muted}>no command matches</Text> : null}
    </Box>
  );
}
