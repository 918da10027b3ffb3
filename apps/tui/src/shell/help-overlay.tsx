import { Box, Text } from 'ink';
import { displayKey, type KeymapSection, keymapSections } from '../keymap.js';
import { useTheme } from '../theme.js';

/** The help screen, generated from the one keymap module (src/keymap.ts). Esc or ? closes it. */
export function HelpOverlay(props: { sections?: readonly KeymapSection[]; columns?: number }) {
  const theme = useTheme();
  const sections = props.sections ?? keymapSections;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold color={theme.text.accent}>
        Keys (Esc or ? closes)
      </Text>
      <Box flexWrap="wrap" columnGap={4}>
        {sections.map((section) => (
          <Box key={section.title} flexDirection="column" marginTop={1}>
            <Text bold underline>
              {section.title}
            </Text>
            {section.bindings.map((binding) => (
              <Box key={`${section.title}-${binding.action}`}>
                <Box width={14} flexShrink={0}>
                  <Text color={theme.syntax.keyword}>{binding.keys.map(displayKey).join(' ')}</Text>
                </Box>
                <Text>{binding.description}</Text>
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
