import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/index.ts';
import { openStore } from '../open-store.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();

describe('notes', () => {
  it('keeps favourite, tags, category and note per host + model, changing only what is given', () => {
    const store = openStore({ home: tempHome() });
    store.notes.set({ host: 'local', model: 'qwen3:8b', favourite: true, tags: ['code', 'code'] });
    store.notes.set({ host: 'local', model: 'qwen3:8b', note: 'good at Rust', category: 'coding' });
    store.notes.set({ host: 'gpu-box', model: 'qwen3:8b', tags: ['fast'] });
    expect(store.notes.get({ host: 'local', model: 'qwen3:8b' })).toMatchObject({
      favourite: true,
      tags: ['code'],
      category: 'coding',
      note: 'good at Rust',
    });
    expect(store.notes.list({ favourite: true }).map((note) => note.host)).toEqual(['local']);
    expect(store.notes.list({ tag: 'fast' }).map((note) => note.host)).toEqual(['gpu-box']);
    expect(store.notes.list({ category: 'coding' })).toHaveLength(1);
    expect(store.notes.list({ host: 'gpu-box' })).toHaveLength(1);
    store.notes.set({ host: 'local', model: 'qwen3:8b', category: null });
    expect(store.notes.get({ host: 'local', model: 'qwen3:8b' })?.category).toBeUndefined();
    expect(store.notes.remove({ host: 'gpu-box', model: 'qwen3:8b' })).toBe(true);
    expect(store.notes.list()).toHaveLength(1);
    expect(() => store.notes.set({ host: '', model: 'x' })).toThrowError(InvalidInputError);
    store.close();
  });
});
