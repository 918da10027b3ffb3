import { filterRows, parseFilter } from './filter-rows.js';
import type { ModelRow } from './model-row.js';
import {
  defaultDirection,
  type SortColumn,
  type SortDirection,
  sortColumns,
  sortRows,
} from './sort-rows.js';

/** The Models table's view state; pure, driven by `modelsReducer`. */
export interface ModelsState {
  readonly rows: readonly ModelRow[];
  readonly sortColumn: SortColumn;
  readonly sortDirection: SortDirection;
  /** The filter text (see filter-rows.ts for the syntax). */
  readonly query: string;
  /** True while the filter input has focus. */
  readonly filtering: boolean;
  /** Index into the visible (filtered + sorted) rows. */
  readonly cursor: number;
  /** Selected model names (multi-select). */
  readonly selected: ReadonlySet<string>;
  /** Rows a page holds, for page-up/page-down. */
  readonly pageSize: number;
}

export type ModelsAction =
  | { readonly type: 'rows-loaded'; readonly rows: readonly ModelRow[] }
  | { readonly type: 'cursor-up' }
  | { readonly type: 'cursor-down' }
  | { readonly type: 'page-up' }
  | { readonly type: 'page-down' }
  | { readonly type: 'cursor-to'; readonly name: string }
  | { readonly type: 'toggle-select' }
  | { readonly type: 'select-all' }
  | { readonly type: 'clear-selection' }
  | { readonly type: 'sort-next' }
  | { readonly type: 'sort-previous' }
  | { readonly type: 'sort-reverse' }
  | { readonly type: 'sort-by'; readonly column: SortColumn }
  | { readonly type: 'filter-start' }
  | { readonly type: 'filter-change'; readonly query: string }
  | { readonly type: 'filter-end' }
  | { readonly type: 'filter-clear' }
  | { readonly type: 'page-size'; readonly pageSize: number };

export const initialModelsState: ModelsState = {
  rows: [],
  sortColumn: 'name',
  sortDirection: 'ascending',
  query: '',
  filtering: false,
  cursor: 0,
  selected: new Set(),
  pageSize: 10,
};

/** The rows on screen: filtered by the query, then sorted. */
export function visibleRows(state: ModelsState): ModelRow[] {
  return sortRows(
    filterRows(state.rows, parseFilter(state.query)),
    state.sortColumn,
    state.sortDirection,
  );
}

/** The row under the cursor, if any. */
export function currentRow(state: ModelsState): ModelRow | undefined {
  const rows = visibleRows(state);
  return rows[Math.min(state.cursor, rows.length - 1)];
}

/** What a batch action acts on: the selected models, or else the one under the cursor. */
export function targetRows(state: ModelsState): ModelRow[] {
  if (state.selected.size > 0) return state.rows.filter((row) => state.selected.has(row.name));
  const row = currentRow(state);
  return row ? [row] : [];
}

function clampCursor(state: ModelsState, cursor: number): ModelsState {
  const count = visibleRows(state).length;
  return { ...state, cursor: Math.max(0, Math.min(cursor, count - 1)) };
}

function withSort(state: ModelsState, column: SortColumn, direction?: SortDirection): ModelsState {
  const name = currentRow(state)?.name;
  const sorted = {
    ...state,
    sortColumn: column,
    sortDirection: direction ?? defaultDirection(column),
  };
  // Keep the cursor on the same model when the order changes.
  const index = name ? visibleRows(sorted).findIndex((row) => row.name === name) : 0;
  return { ...sorted, cursor: Math.max(0, index) };
}

export function modelsReducer(state: ModelsState, action: ModelsAction): ModelsState {
  switch (action.type) {
    case 'rows-loaded': {
      const names = new Set(action.rows.map((row) => row.name));
      const selected = new Set([...state.selected].filter((name) => names.has(name)));
      const name = currentRow(state)?.name;
      const next = { ...state, rows: action.rows, selected };
      const index = name ? visibleRows(next).findIndex((row) => row.name === name) : -1;
      return clampCursor(next, index >= 0 ? index : state.cursor);
    }
    case 'cursor-up':
      return clampCursor(state, state.cursor - 1);
    case 'cursor-down':
      return clampCursor(state, state.cursor + 1);
    case 'page-up':
      return clampCursor(state, state.cursor - state.pageSize);
    case 'page-down':
      return clampCursor(state, state.cursor + state.pageSize);
    case 'cursor-to': {
      const index = visibleRows(state).findIndex((row) => row.name === action.name);
      return index >= 0 ? { ...state, cursor: index } : state;
    }
    case 'toggle-select': {
      const row = currentRow(state);
      if (!row) return state;
      const selected = new Set(state.selected);
      if (selected.has(row.name)) selected.delete(row.name);
      else selected.add(row.name);
      return clampCursor({ ...state, selected }, state.cursor + 1);
    }
    case 'select-all': {
      const rows = visibleRows(state);
      const allSelected = rows.length > 0 && rows.every((row) => state.selected.has(row.name));
      const selected = new Set(state.selected);
      for (const row of rows) {
        if (allSelected) selected.delete(row.name);
        else selected.add(row.name);
      }
      return { ...state, selected };
    }
    case 'clear-selection':
      return { ...state, selected: new Set() };
    case 'sort-next':
    case 'sort-previous': {
      const step = action.type === 'sort-next' ? 1 : -1;
      const index = sortColumns.indexOf(state.sortColumn);
      const column =
        sortColumns[(index + step + sortColumns.length) % sortColumns.length] ?? 'name';
      return withSort(state, column);
    }
    case 'sort-reverse':
      return withSort(
        state,
        state.sortColumn,
        state.sortDirection === 'ascending' ? 'descending' : 'ascending',
      );
    case 'sort-by':
      return withSort(
        state,
        action.column,
        state.sortColumn === action.column
          ? state.sortDirection === 'ascending'
            ? 'descending'
            : 'ascending'
          : undefined,
      );
    case 'filter-start':
      return { ...state, filtering: true };
    case 'filter-change':
      return clampCursor({ ...state, query: action.query }, 0);
    case 'filter-end':
      return { ...state, filtering: false };
    case 'filter-clear':
      return clampCursor({ ...state, query: '', filtering: false }, 0);
    case 'page-size':
      return { ...state, pageSize: Math.max(1, action.pageSize) };
  }
}
