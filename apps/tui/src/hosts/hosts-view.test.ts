import { describe, expect, it } from 'vitest';
import { checkHostForm, hostRows, modelLocations } from './hosts-view.js';

describe('hostRows', () => {
  it('joins hosts with their health and marks the active one', () => {
    const rows = hostRows(
      [
        { name: 'local', url: 'http://127.0.0.1:11434', fromSettings: false },
        { name: 'gpu', url: 'http://10.0.0.5:11434', fromSettings: true },
        { name: 'new', url: 'http://10.0.0.6:11434', fromSettings: true },
      ],
      [
        {
          name: 'local',
          url: 'http://127.0.0.1:11434',
          up: true,
          latencyMs: 3.4,
          version: '0.12.0',
          error: undefined,
        },
        {
          name: 'gpu',
          url: 'http://10.0.0.5:11434',
          up: false,
          latencyMs: undefined,
          version: undefined,
          error: new Error('connection refused'),
        },
      ],
      'http://10.0.0.5:11434',
    );
    expect(rows.map((row) => [row.name, row.state, row.latency, row.version, row.active])).toEqual([
      ['local', 'up', '3 ms', '0.12.0', false],
      ['gpu', 'down', '-', '-', true],
      ['new', 'checking', '-', '-', false],
    ]);
    expect(rows[1]?.error).toBe('connection refused');
  });
});

describe('modelLocations', () => {
  it('lists where each model is installed and loaded, sorted by name', () => {
    expect(
      modelLocations({
        models: [
          {
            name: 'qwen3:0.6b',
            installedOn: ['a', 'b'],
            loadedOn: ['b'],
            conflict: true,
            placements: [],
            digests: ['x', 'y'],
          },
          {
            name: 'llama3.2:1b',
            installedOn: ['a'],
            loadedOn: [],
            conflict: false,
            placements: [],
            digests: ['z'],
          },
        ],
      }),
    ).toEqual([
      { name: 'llama3.2:1b', installedOn: 'a', loadedOn: '-', conflict: false },
      { name: 'qwen3:0.6b', installedOn: 'a, b', loadedOn: 'b', conflict: true },
    ]);
  });
});

describe('checkHostForm', () => {
  const existing = [{ name: 'gpu' }];
  it('accepts a new host and an edit keeping its name', () => {
    expect(checkHostForm({ name: ' box ', url: '10.0.0.7' }, existing)).toEqual({
      ok: true,
      host: { name: 'box', url: '10.0.0.7' },
    });
    expect(checkHostForm({ name: 'gpu', url: 'gpu.lan:11434' }, existing, 'gpu').ok).toBe(true);
  });
  it('names what is wrong', () => {
    expect(checkHostForm({ name: 'gpu', url: 'x' }, existing)).toMatchObject({
      ok: false,
      field: 'name',
      message: 'there is already a host named "gpu"',
    });
    expect(checkHostForm({ name: '', url: 'x' }, existing)).toMatchObject({ field: 'name' });
    expect(checkHostForm({ name: 'a b', url: 'x' }, existing)).toMatchObject({ field: 'name' });
    expect(checkHostForm({ name: 'ok', url: '' }, existing)).toMatchObject({ field: 'url' });
  });
});
