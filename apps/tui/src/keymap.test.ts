import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { actionFor, createKeymap, displayKey, keymapSections } from './keymap.js';

const noKey = {} as Key;

describe('keymap', () => {
  it('has no key bound twice within a section', () => {
    for (const section of keymapSections) {
      const keys = section.bindings.flatMap((binding) => binding.keys);
      expect(new Set(keys).size, section.title).toBe(keys.length);
    }
  });

  it('finds actions by key name and writes keys for people', () => {
    const keymap = createKeymap();
    expect(actionFor(keymap.models, 'd', noKey)).toBe('delete');
    expect(actionFor(keymap.models, ' ', noKey)).toBe('select');
    expect(actionFor(keymap.global, 'c', { ...noKey, ctrl: true })).toBe('quit');
    expect(displayKey('ctrl+c')).toBe('Ctrl+C');
    expect(displayKey('return')).toBe('Enter');
  });

  it('applies settings overrides to Global and Models, and the help shows them', () => {
    const keymap = createKeymap({ 'models.delete': 'x, X', quit: 'ctrl+q', 'chat.stop': 'z' });
    expect(actionFor(keymap.models, 'x', noKey)).toBe('delete');
    expect(actionFor(keymap.models, 'd', noKey)).toBeUndefined();
    expect(actionFor(keymap.global, 'q', { ...noKey, ctrl: true })).toBe('quit');
    expect(actionFor(keymap.global, 'q', noKey)).toBeUndefined();
    const models = keymap.sections.find((section) => section.title === 'Models');
    expect(models?.bindings.find((binding) => binding.action === 'delete')?.keys).toEqual([
      'x',
      'X',
    ]);
    const chat = keymap.sections.find((section) => section.title === 'Chat');
    expect(chat?.bindings.find((binding) => binding.action === 'stop')?.keys).toEqual(['escape']);
  });
});
