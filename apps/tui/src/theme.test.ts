import { describe, expect, it } from 'vitest';
import { darkTheme, lightTheme, noColorTheme, resolveTheme } from './theme.js';

function colourValues(value: unknown): unknown[] {
  if (value === null || typeof value !== 'object') return [value];
  return Object.values(value).flatMap(colourValues);
}

describe('resolveTheme', () => {
  it('honours NO_COLOR over any requested theme', () => {
    expect(resolveTheme({ requested: 'light', noColor: '1' })).toBe(noColorTheme);
    expect(resolveTheme({ requested: 'light', noColor: '' })).toBe(lightTheme);
    expect(resolveTheme({})).toBe(darkTheme);
    expect(resolveTheme({ requested: 'nonsense' })).toBe(darkTheme);
  });

  it('has no colour at all in the no-color theme, and a colour for every dark token', () => {
    const { name: _name, color, ...tokens } = noColorTheme;
    expect(color).toBe(false);
    expect(colourValues(tokens).every((value) => value === undefined)).toBe(true);
    const { name: _dark, color: _colour, text, selection: _selection, ...darkTokens } = darkTheme;
    expect(colourValues(darkTokens).every((value) => typeof value === 'string')).toBe(true);
    expect(text.accent).toBeTypeOf('string');
  });
});
