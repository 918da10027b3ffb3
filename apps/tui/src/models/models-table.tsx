import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { formatBytes } from '../format/bytes.js';
import { formatProcessor } from '../format/processor.js';
import { formatRelativeTime } from '../format/relative-time.js';
import { useTheme } from '../theme.js';
import type { ModelRow } from './model-row.js';
import type { SortColumn, SortDirection } from './sort-rows.js';

interface Column {
  readonly id: SortColumn | 'mark';
  readonly title: string;
  readonly width: number;
  readonly grow?: boolean;
  readonly align?: 'right';
}

const columns: readonly Column[] = [
  { id: 'mark', title: '', width: 3 },
  { id: 'favourite', title: '★', width: 2 },
  { id: 'name', title: 'NAME', width: 24, grow: true },
  { id: 'size', title: 'SIZE', width: 9, align: 'right' },
  { id: 'params', title: 'PARAMS', width: 8, align: 'right' },
  { id: 'quant', title: 'QUANT', width: 9 },
  { id: 'family', title: 'FAMILY', width: 11 },
  { id: 'modified', title: 'MODIFIED', width: 10 },
  { id: 'loaded', title: 'LOADED', width: 10 },
  { id: 'tags', title: 'TAGS', width: 12 },
  { id: 'last-used', title: 'LAST USED', width: 10 },
];

/** Columns dropped first when the terminal is narrow (the rest keep their width). */
const dropOrder: readonly Column['id'][] = [
  'last-used',
  'modified',
  'family',
  'tags',
  'quant',
  'params',
];

/** The columns that fit in `width` cells (each column also takes one cell of margin). */
export function visibleColumns(width: number | undefined): readonly Column[] {
  if (width === undefined) return columns;
  let shown = [...columns];
  const needed = () => shown.reduce((total, column) => total + column.width + 1, 0);
  for (const id of dropOrder) {
    if (needed() <= width) break;
    shown = shown.filter((column) => column.id !== id);
  }
  return shown;
}

function cell(row: ModelRow, column: Column, now: number): string {
  switch (column.id) {
    case 'mark':
      return '';
    case 'favourite':
      return row.favourite ? '★' : ' ';
    case 'name':
      return row.name;
    case 'size':
      return formatBytes(row.sizeBytes);
    case 'params':
      return row.parameterSize;
    case 'quant':
      return row.quantization;
    case 'family':
      return row.family;
    case 'modified':
      return formatRelativeTime(row.modifiedAt || undefined, now);
    case 'loaded':
      return formatProcessor(row);
    case 'tags':
      return row.tags.join(',');
    case 'last-used':
      return formatRelativeTime(row.lastUsedAt, now);
  }
}

export interface ModelsTableProps {
  readonly rows: readonly ModelRow[];
  readonly cursor: number;
  readonly selected: ReadonlySet<string>;
  readonly sortColumn: SortColumn;
  readonly sortDirection: SortDirection;
  /** Rows that fit; the table scrolls to keep the cursor visible. */
  readonly height: number;
  readonly now?: number;
  /** Terminal columns; narrower terminals drop the least important columns. */
  readonly width?: number;
}

/** The installed-models table: header with the sort arrow, then a window of rows around the cursor. */
/** One column's cell, in the header and in every row: its width, alignment and gap. */
function ColumnCell(props: { column: Column; children: ReactNode }) {
  const { column } = props;
  return (
    <Box
      width={column.width}
      flexGrow={column.grow ? 1 : 0}
      flexShrink={0}
      justifyContent={column.align === 'right' ? 'flex-end' : 'flex-start'}
      marginRight={1}
    >
      {props.children}
    </Box>
  );
}

export function ModelsTable(props: ModelsTableProps) {
  const theme = useTheme();
  const now = props.now ?? Date.now();
  const height = Math.max(1, props.height);
  const start = Math.max(0, Math.min(props.cursor - height + 1, props.rows.length - height));
  const tableColumns = visibleColumns(props.width);
  const shown = props.rows.slice(Math.max(0, start), Math.max(0, start) + height);
  return (
    <Box flexDirection="column" width={props.width}>
      <Box>
        {tableColumns.map((column) => {
          const sorted = column.id === props.sortColumn;
          const arrow = sorted ? (props.sortDirection === 'ascending' ? '▲' : '▼') : '';
          return (
            <ColumnCell key={column.id} column={column}>
              <Text
                bold
                underline={sorted}
                color={sorted ? theme.text.accent : theme.text.muted}
                wrap="truncate"
              >
                {column.title}
                {arrow}
              </Text>
            </ColumnCell>
          );
        })}
      </Box>
      {shown.map((row, offset) => {
        const index = Math.max(0, start) + offset;
        const atCursor = index === props.cursor;
        const selected = props.selected.has(row.name);
        return (
          <Box key={row.name}>
            {tableColumns.map((column) => {
              let text = cell(row, column, now);
              let color = theme.text.primary;
              if (column.id === 'mark') text = `${atCursor ? '›' : ' '}${selected ? '●' : ' '}`;
              if (column.id === 'favourite') color = theme.badge.favourite;
              if (column.id === 'loaded') color = theme.badge.loaded;
              if (column.id === 'name' && row.outdated) text = `${text} ⬆`;
              return (
                <ColumnCell key={column.id} column={column}>
                  <Text inverse={atCursor} bold={selected} color={color} wrap="truncate">
                    {text}
                  </Text>
                </ColumnCell>
              );
            })}
          </Box>
        );
      })}
      {props.rows.length === 0 ? <Text color={theme.text.muted}>no models match</Text> : null}
    </Box>
  );
}
