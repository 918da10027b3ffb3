import { Box, Text, useInput } from 'ink';
import { useEffect, useState } from 'react';
import type { AppServices } from '../services.js';
import { type Theme, useTheme } from '../theme.js';
import { detailsLines, type Line, type Segment } from './details-lines.js';

function roleColor(theme: Theme, role: Segment['role']): string | undefined {
  switch (role) {
    case 'heading':
      return theme.syntax.heading;
    case 'keyword':
      return theme.syntax.keyword;
    case 'string':
      return theme.syntax.string;
    case 'number':
      return theme.syntax.number;
    case 'comment':
    case 'muted':
      return theme.syntax.comment;
    case 'parameter':
      return theme.syntax.parameter;
    case 'error':
      return theme.status.error;
    default:
      return theme.text.primary;
  }
}

/** `m` on a model: its show response and Modelfile, highlighted, scrolled with ↑/↓/PgUp/PgDn; Esc closes. */
export function ModelDetails(props: {
  services: AppServices;
  model: string;
  height: number;
  onClose: () => void;
}) {
  const theme = useTheme();
  const [lines, setLines] = useState<readonly Line[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let cancelled = false;
    props.services
      .client()
      .show({ model: props.model })
      .then((show) => {
        if (!cancelled) setLines(detailsLines(props.model, show));
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [props.services, props.model]);
  const height = Math.max(3, props.height - 1);
  const maxOffset = Math.max(0, (lines?.length ?? 0) - height);
  useInput((input, key) => {
    if (key.escape || input === 'm' || input === 'q') props.onClose();
    else if (key.downArrow || input === 'j') setOffset((value) => Math.min(maxOffset, value + 1));
    else if (key.upArrow || input === 'k') setOffset((value) => Math.max(0, value - 1));
    else if (key.pageDown || input === ' ')
      setOffset((value) => Math.min(maxOffset, value + height));
    else if (key.pageUp) setOffset((value) => Math.max(0, value - height));
  });
  if (error)
    return (
      <Text color={theme.status.error}>
        Could not show {props.model}: {error}
      </Text>
    );
  if (!lines) return <Text color={theme.text.muted}>Loading {props.model}…</Text>;
  return (
    <Box flexDirection="column">
      {lines
        .map((line, number) => ({ line, number }))
        .slice(offset, offset + height)
        .map(({ line, number }) => (
          <LineView key={number} line={line} theme={theme} />
        ))}
      <Text color={theme.text.muted}>
        Details · {offset + 1}-{Math.min(lines.length, offset + height)} of {lines.length} · ↑/↓
        scroll · Esc back
      </Text>
    </Box>
  );
}

function LineView(props: { line: Line; theme: Theme }) {
  let column = 0;
  const keyed = props.line.map((segment) => {
    const key = `${column}`;
    column += segment.text.length + 1;
    return { key, segment };
  });
  return (
    <Text wrap="truncate">
      {keyed.map(({ key, segment }) => (
        <Text
          key={key}
          color={roleColor(props.theme, segment.role)}
          bold={segment.role === 'heading'}
        >
          {segment.text}
        </Text>
      ))}
    </Text>
  );
}
