import { Box, Text } from 'ink';
import { memo } from 'react';
import { type Theme, useTheme } from '../../theme.js';
import { type CodeTokenKind, highlightCode } from './highlight-code.js';
import { type InlineSpan, type MarkdownBlock, parseInline } from './parse-markdown.js';

const InlineText = ({ text, theme }: { text: string; theme: Theme }) => (
  <>
    {parseInline(text).map((span: InlineSpan, index) => (
      <Text
        // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity beyond their position
        key={index}
        bold={span.bold}
        italic={span.italic}
        strikethrough={span.strike}
        underline={span.link !== undefined}
        color={
          span.code ? theme.syntax.code : span.link !== undefined ? theme.text.accent : undefined
        }
      >
        {span.text}
      </Text>
    ))}
  </>
);

const tokenColor = (kind: CodeTokenKind, theme: Theme) => {
  switch (kind) {
    case 'keyword':
      return theme.syntax.keyword;
    case 'string':
      return theme.syntax.string;
    case 'number':
      return theme.syntax.number;
    case 'comment':
      return theme.syntax.comment;
    case 'punctuation':
      return theme.syntax.punctuation;
    default:
      return undefined;
  }
};

const CodeView = ({
  code,
  language,
  closed,
  theme,
}: {
  code: string;
  language: string;
  closed: boolean;
  theme: Theme;
}) => (
  <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
    {highlightCode(code, language).map((line, lineIndex) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: lines of a code block are positional
      <Text key={lineIndex} wrap="wrap">
        {line.length === 0
          ? ' '
          : line.map((token, tokenIndex) => (
              <Text
                // biome-ignore lint/suspicious/noArrayIndexKey: tokens of a line are positional
                key={tokenIndex}
                color={tokenColor(token.kind, theme)}
                italic={token.kind === 'comment' && !theme.color}
              >
                {token.text}
              </Text>
            ))}
      </Text>
    ))}
    {language || !closed ? (
      <Text color={theme.text.muted} dimColor={!theme.color}>
        {[language, closed ? '' : '…'].filter(Boolean).join(' ')}
      </Text>
    ) : null}
  </Box>
);

const BlockView = ({ block }: { block: MarkdownBlock }) => {
  const theme = useTheme();
  switch (block.kind) {
    case 'heading':
      return (
        <Text bold color={theme.syntax.heading} underline={block.level === 1}>
          <InlineText text={block.text} theme={theme} />
        </Text>
      );
    case 'paragraph':
      return (
        <Text>
          <InlineText text={block.text} theme={theme} />
        </Text>
      );
    case 'code':
      return (
        <CodeView code={block.code} language={block.language} closed={block.closed} theme={theme} />
      );
    case 'list-item':
      return (
        <Box paddingLeft={block.depth * 2}>
          <Text color={theme.text.accent}>{block.ordered ? `${block.marker} ` : '• '}</Text>
          <Text>
            <InlineText text={block.text} theme={theme} />
          </Text>
        </Box>
      );
    case 'quote':
      return (
        <Box>
          <Text color={theme.text.muted}>│ </Text>
          <Text italic color={theme.text.muted}>
            <InlineText text={block.text} theme={theme} />
          </Text>
        </Box>
      );
    case 'rule':
      return <Text color={theme.border}>────────────────────────────────</Text>;
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
};

const sameBlock = (previous: { block: MarkdownBlock }, next: { block: MarkdownBlock }) => {
  if (previous.block === next.block) return true;
  const a = previous.block;
  const b = next.block;
  if (a.kind !== b.kind) return false;
  // Blocks of a streaming reply are re-parsed on every flush: equal content means nothing to redraw.
  return JSON.stringify(a) === JSON.stringify(b);
};

/** One Markdown block as Ink elements; memoised so unchanged blocks skip reconciliation. */
export const MarkdownBlockView = memo(BlockView, sameBlock);
