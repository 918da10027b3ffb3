import type { ModelRow } from './model-row.js';

/** The sortable columns, in table order. */
export const sortColumns = [
  'name',
  'size',
  'params',
  'quant',
  'family',
  'modified',
  'loaded',
  'favourite',
  'tags',
  'last-used',
] as const;

export type SortColumn = (typeof sortColumns)[number];
export type SortDirection = 'ascending' | 'descending';

/** '8B' → 8e9, '270M' → 2.7e8, '' → 0: parameter sizes compare as numbers. */
function parameterCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([KMBT]?)/iu.exec(text);
  if (!match) return 0;
  const scale = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[(match[2] ?? '').toUpperCase()] ?? 1;
  return Number(match[1]) * scale;
}

function compareText(left: string, right: string): number {
  return left.localeCompare(right, undefined, { numeric: true, sensitivity: 'base' });
}

const comparators: Record<SortColumn, (left: ModelRow, right: ModelRow) => number> = {
  name: (left, right) => compareText(left.name, right.name),
  size: (left, right) => left.sizeBytes - right.sizeBytes,
  params: (left, right) => parameterCount(left.parameterSize) - parameterCount(right.parameterSize),
  quant: (left, right) => compareText(left.quantization, right.quantization),
  family: (left, right) => compareText(left.family, right.family),
  modified: (left, right) => left.modifiedAt - right.modifiedAt,
  loaded: (left, right) => Number(left.loaded) - Number(right.loaded),
  favourite: (left, right) => Number(left.favourite) - Number(right.favourite),
  tags: (left, right) => compareText(left.tags.join(','), right.tags.join(',')),
  'last-used': (left, right) => (left.lastUsedAt ?? 0) - (right.lastUsedAt ?? 0),
};

/** A sorted copy; ties break by name so the order is stable and predictable. */
export function sortRows(
  rows: readonly ModelRow[],
  column: SortColumn,
  direction: SortDirection,
): ModelRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = comparators[column];
  return [...rows].sort(
    (left, right) => sign * compare(left, right) || compareText(left.name, right.name),
  );
}

/** The natural first direction for a column: text A→Z, numbers and flags biggest/newest first. */
export function defaultDirection(column: SortColumn): SortDirection {
  return column === 'name' || column === 'quant' || column === 'family' || column === 'tags'
    ? 'ascending'
    : 'descending';
}
