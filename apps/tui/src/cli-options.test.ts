import { describe, expect, it } from 'vitest';
import { helpText, parseCliArguments, UsageError } from './cli-options.js';

describe('parseCliArguments', () => {
  it('reads flags in both spellings and the subcommand with its operands', () => {
    const parsed = parseCliArguments(['rm', '--host=http://h:1', 'a:1b', '--json', 'b']);
    expect(parsed.command).toBe('rm');
    expect(parsed.operands).toEqual(['a:1b', 'b']);
    expect(parsed.options).toMatchObject({ host: 'http://h:1', json: true, demo: false });
  });

  it('opens the UI without a subcommand', () => {
    const parsed = parseCliArguments(['--demo', '--theme', 'light']);
    expect(parsed.command).toBeUndefined();
    expect(parsed.options).toMatchObject({ demo: true, theme: 'light' });
    expect(parseCliArguments(['-h']).options.help).toBe(true);
  });

  it('rejects unknown options, commands and bad values with a clear message', () => {
    expect(() => parseCliArguments(['--hots', 'x'])).toThrow(/Unknown option --hots/);
    expect(() => parseCliArguments(['lst'])).toThrow(/Unknown command "lst"/);
    expect(() => parseCliArguments(['ls', '--sort', 'colour'])).toThrow(UsageError);
    expect(() => parseCliArguments(['--host'])).toThrow(/--host needs a value/);
    expect(() => parseCliArguments(['--demo=maybe'])).toThrow(/takes no value/);
  });
});

describe('helpText', () => {
  it('is generated from the schema descriptions and lists every subcommand', () => {
    const text = helpText('1.2.3');
    expect(text).toContain('ollamamon 1.2.3');
    expect(text).toContain('--demo');
    expect(text).toContain('Start a simulated Ollama in-process');
    expect(text).toContain('--host <value>');
    for (const command of ['ls', 'ps', 'pull', 'rm', 'outdated', 'hosts']) {
      expect(text).toContain(`ollamamon ${command}`);
    }
  });
});
