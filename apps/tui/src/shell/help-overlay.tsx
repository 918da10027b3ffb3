import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { displayKey, type KeymapSection, keymapSections } from '../keymap.js';
import { useTheme } from '../theme.js';

type HelpLine =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'binding'; readonly keys: string; readonly description: string };

/** Section titles and bindings as one list, the active tab's section right after Global. */
export function helpLines(sections: readonly KeymapSection[], first?: string): HelpLine[] {
  const ordered = [...sections].sort(
    (left, right) =>
      Number(right.title === 'Global') - Number(left.title === 'Global') ||
      Number(right.title === first) - Number(left.title === first),
  );
  return ordered.flatMap((section) => [
    { kind: 'title' as const, text: section.title },
    ...section.bindings.map((binding) => ({
      kind: 'binding' as const,
      keys: binding.keys.map(displayKey).join(' '),
      description: binding.description,
    })),
  ]);
}

/**
 * The help screen, generated from the one keymap module (src/keymap.ts): as many columns as fit,
 * ←/→ or PgUp/PgDn for more when it is still too long. Esc or ? closes it (the shell handles that).
 */
export function HelpOverlay(props: {
  sections?: readonly KeymapSection[];
  /** The active tab's section title, shown first after Global. */
  activeSection?: string;
  width: number;
  height: number;
  isActive?: boolean;
}) {
  const theme = useTheme();
  const lines = helpLines(props.sections ?? keymapSections, props.activeSection);
  const rowsPerColumn = Math.max(4, props.height - 4);
  const columnWidth = 44;
  const columnsShown = Math.max(1, Math.floor((props.width - 4) / columnWidth));
  const columns: HelpLine[][] = [];
  for (let start = 0; start < lines.length; start += rowsPerColumn) {
    columns.push(lines.slice(start, start + rowsPerColumn));
  }
  const pages = Math.max(1, Math.ceil(columns.length / columnsShown));
  const [page, setPage] = useState(0);
  useInput(
    (_input, key) => {
      if (key.rightArrow || key.pageDown || key.downArrow)
        setPage((value) => Math.min(pages - 1, value + 1));
      if (key.leftArrow || key.pageUp || key.upArrow) setPage((value) => Math.max(0, value - 1));
    },
    { isActive: props.isActive ?? true },
  );
  const shown = columns.slice(page * columnsShown, (page + 1) * columnsShown);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold color={theme.text.accent}>
        Keys (Esc or ? closes){pages > 1 ? ` · page ${page + 1}/${pages}, ←/→ for more` : ''}
      </Text>
      <Box>
        {shown.map((column) => (
          <Box
            key={`${column[0]?.kind}-${column[0]?.kind === 'title' ? column[0].text : column[0]?.description}`}
            flexDirection="column"
            width={columnWidth}
            flexShrink={0}
          >
            {column.map((line) =>
              line.kind === 'title' ? (
                <Text key={`title-${line.text}`} bold underline>
                  {line.text}
                </Text>
              ) : (
                <Box key={`${line.keys}-${line.description}`}>
                  <Box width={12} flexShrink={0}>
                    <Text color={theme.syntax.keyword} wrap="truncate">
                      {line.keys}
                    </Text>
                  </Box>
                  <Text wrap="truncate">{line.description}</Text>
                </Box>
              ),
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
