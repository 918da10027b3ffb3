import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test-utils/render.js';
import { ModelsTable } from './models-table.js';
import { sortRows } from './sort-rows.js';
import { testRows } from './test-rows.js';

describe('ModelsTable', () => {
  const now = Date.UTC(2026, 10, 20);
  it('shows every column, the sort arrow, badges, the GPU split and the selection', () => {
    const rows = sortRows(testRows(), 'size', 'descending');
    const { lastFrame } = renderWithProviders(
      <ModelsTable
        rows={rows}
        cursor={1}
        selected={new Set(['llava:7b'])}
        sortColumn="size"
        sortDirection="descending"
        height={10}
        now={now}
      />,
    );
    const frame = lastFrame() ?? '';
    for (const title of [
      'NAME',
      'SIZE▼',
      'PARAMS',
      'QUANT',
      'FAMILY',
      'MODIFIED',
      'LOADED',
      'TAGS',
      'LAST USED',
    ]) {
      expect(frame).toContain(title);
    }
    const lines = frame.split('\n');
    expect(lines[1]).toContain('qwen3:8b');
    expect(lines[1]).toContain('25/75 C/G');
    expect(lines[2]).toMatch(/›●\s+★\s+llava:7b/u);
    expect(frame).toContain('llama3.2:3b ⬆');
    expect(frame).toContain('5.2 GB');
    expect(frame).toContain('vision,work');
    expect(frame).toContain('10d ago');
  });

  it('scrolls to keep the cursor visible', () => {
    const { lastFrame } = renderWithProviders(
      <ModelsTable
        rows={sortRows(testRows(), 'name', 'ascending')}
        cursor={3}
        selected={new Set()}
        sortColumn="name"
        sortDirection="ascending"
        height={2}
        now={now}
      />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toContain('qwen3:8b');
    expect(frame).not.toContain('llama3.2:3b');
  });

  it('drops the least important columns on a narrow terminal', () => {
    const { lastFrame } = renderWithProviders(
      <ModelsTable
        rows={testRows()}
        cursor={0}
        selected={new Set()}
        sortColumn="name"
        sortDirection="ascending"
        height={5}
        now={now}
        width={80}
      />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toContain('LOADED');
    expect(frame).toContain('PARAMS');
    expect(frame).not.toContain('LAST USED');
    expect(frame).not.toContain('MODIFIED');
    expect(frame).not.toContain('FAMILY');
    expect(Math.max(...frame.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
  });
});
