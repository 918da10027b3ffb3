import { describe, expect, it } from 'vitest';
import { locateTomlKey } from './locate-toml-key.ts';

const text = `title = "x"
[a]
b = 1
"quoted.key" = 2
[[a.list]]
name = "first"
[[a.list]]
name = "second"
inline = { deep = 1 }
[a.other]
c = """
d = not a key
"""
e = 3
`;

describe('locateTomlKey', () => {
  it.each([
    [['title'], 1],
    [['a', 'b'], 3],
    [['a', 'quoted.key'], 4],
    [['a', 'list', 0, 'name'], 6],
    [['a', 'list', 1, 'name'], 8],
    [['a', 'list', 1, 'inline', 'deep'], 9],
    [['a', 'list', 1, 'missing'], 7],
    [['a', 'other', 'e'], 14],
    [['a', 'other', 'd'], 10],
  ] as const)('finds %j on line %i', (path, line) => {
    expect(locateTomlKey(text, path)).toBe(line);
  });

  it('returns undefined for a path that is not written at all', () => {
    expect(locateTomlKey(text, ['zzz'])).toBeUndefined();
  });
});
