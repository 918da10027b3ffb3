import { describe, expect, it } from 'vitest';
import { filterRows, parseFilter } from './filter-rows.js';
import {
  initialModelsState,
  type ModelsAction,
  modelsReducer,
  targetRows,
  visibleRows,
} from './models-state.js';
import { sortRows } from './sort-rows.js';
import { testRows } from './test-rows.js';

const names = (rows: readonly { name: string }[]) => rows.map((row) => row.name);
const run = (...actions: ModelsAction[]) =>
  actions.reduce(
    modelsReducer,
    modelsReducer(initialModelsState, { type: 'rows-loaded', rows: testRows() }),
  );

describe('sortRows', () => {
  it('sorts by every column, ties by name', () => {
    const rows = testRows();
    expect(names(sortRows(rows, 'size', 'descending'))).toEqual([
      'qwen3:8b',
      'llava:7b',
      'llama3.2:3b',
      'nomic-embed-text:latest',
    ]);
    expect(names(sortRows(rows, 'params', 'ascending'))[0]).toBe('nomic-embed-text:latest');
    expect(names(sortRows(rows, 'params', 'descending'))[0]).toBe('qwen3:8b');
    expect(names(sortRows(rows, 'modified', 'descending'))[0]).toBe('nomic-embed-text:latest');
    expect(names(sortRows(rows, 'loaded', 'descending'))[0]).toBe('qwen3:8b');
    expect(names(sortRows(rows, 'favourite', 'descending'))[0]).toBe('llava:7b');
    expect(names(sortRows(rows, 'family', 'ascending'))).toEqual([
      'llama3.2:3b',
      'llava:7b',
      'nomic-embed-text:latest',
      'qwen3:8b',
    ]);
    expect(names(sortRows(rows, 'quant', 'descending'))[0]).toBe('llama3.2:3b');
  });
});

describe('parseFilter and filterRows', () => {
  const rows = testRows();
  const match = (query: string) => names(filterRows(rows, parseFilter(query)));

  it('ANDs space-separated terms', () => {
    expect(match('llama q4_0')).toEqual(['llava:7b']);
    expect(match('llama')).toEqual(['llama3.2:3b', 'llava:7b']);
  });
  it('ORs pipe-separated alternatives', () => {
    expect(match('qwen|nomic')).toEqual(['qwen3:8b', 'nomic-embed-text:latest']);
    expect(match('qwen|nomic tools')).toEqual(['qwen3:8b']);
  });
  it('filters by size, family, capability, tag and flags', () => {
    expect(match('size>4.5gb')).toEqual(['qwen3:8b', 'llava:7b']);
    expect(match('size<1g')).toEqual(['nomic-embed-text:latest']);
    expect(match('family:llama')).toEqual(['llama3.2:3b', 'llava:7b']);
    expect(match('cap:vision')).toEqual(['llava:7b']);
    expect(match('thinking')).toEqual(['qwen3:8b']);
    expect(match('embedding|vision')).toEqual(['llava:7b', 'nomic-embed-text:latest']);
    expect(match('tag:work')).toEqual(['llava:7b']);
    expect(match('is:loaded')).toEqual(['qwen3:8b']);
    expect(match('is:outdated')).toEqual(['llama3.2:3b']);
    expect(match('-family:llama')).toEqual(['qwen3:8b', 'nomic-embed-text:latest']);
  });
  it('treats an empty query as no filter', () => {
    expect(parseFilter('  ')).toEqual([]);
    expect(match('')).toHaveLength(4);
  });
});

describe('modelsReducer', () => {
  it('filters and sorts together', () => {
    const state = run(
      { type: 'filter-start' },
      { type: 'filter-change', query: 'tools|vision' },
      { type: 'filter-end' },
      { type: 'sort-by', column: 'size' },
    );
    expect(names(visibleRows(state))).toEqual(['qwen3:8b', 'llava:7b', 'llama3.2:3b']);
    expect(state.filtering).toBe(false);
    const reversed = modelsReducer(state, { type: 'sort-reverse' });
    expect(names(visibleRows(reversed))).toEqual(['llama3.2:3b', 'llava:7b', 'qwen3:8b']);
  });

  it('cycles the sort column and keeps the cursor on the same model', () => {
    let state = run({ type: 'cursor-down' }, { type: 'cursor-down' });
    expect(visibleRows(state)[state.cursor]?.name).toBe('nomic-embed-text:latest');
    state = modelsReducer(state, { type: 'sort-next' });
    expect(state.sortColumn).toBe('size');
    expect(visibleRows(state)[state.cursor]?.name).toBe('nomic-embed-text:latest');
    state = modelsReducer(state, { type: 'sort-previous' });
    expect(state.sortColumn).toBe('name');
  });

  it('multi-selects with toggle and select-all, and batch targets the selection', () => {
    let state = run({ type: 'toggle-select' }, { type: 'toggle-select' });
    expect([...state.selected]).toEqual(['llama3.2:3b', 'llava:7b']);
    expect(names(targetRows(state))).toEqual(['llama3.2:3b', 'llava:7b']);
    state = modelsReducer(state, { type: 'select-all' });
    expect(state.selected.size).toBe(4);
    state = modelsReducer(state, { type: 'select-all' });
    expect(state.selected.size).toBe(0);
    expect(names(targetRows(state))).toEqual(['nomic-embed-text:latest']);
  });

  it('keeps the cursor in range and drops vanished models from the selection', () => {
    let state = run({ type: 'cursor-up' }, { type: 'page-down' }, { type: 'toggle-select' });
    expect(state.cursor).toBe(3);
    expect([...state.selected]).toEqual(['qwen3:8b']);
    const remaining = testRows().filter((row) => row.name !== 'qwen3:8b');
    state = modelsReducer(state, { type: 'rows-loaded', rows: remaining });
    expect(state.selected.size).toBe(0);
    expect(state.cursor).toBe(2);
  });
});
