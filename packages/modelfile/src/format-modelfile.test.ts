import { describe, expect, it } from 'vitest';
import { formatModelfile } from './format-modelfile';
import { parseModelfile } from './parse-modelfile';
import type { CommandLike } from './types';

const format = (commands: CommandLike[]) => formatModelfile({ commands });
const pairs = (text: string) =>
  parseModelfile(text).commands.map(({ name, args }) => ({ name, args }));

describe("formatModelfile: Ollama's Modelfile.String() (grammar §6)", () => {
  it('writes one command per line with a trailing newline, and "" for no commands', () => {
    expect(format([])).toBe('');
    expect(
      format([
        { name: 'model', args: 'llama3.2' },
        { name: 'adapter', args: './lora.gguf' },
        { name: 'temperature', args: '0.5' },
        { name: 'stop', args: '<|eot_id|>' },
        { name: 'message', args: 'user: Hi there' },
        { name: 'license', args: 'MIT' },
        { name: 'renderer', args: 'r' },
        { name: 'parser', args: 'p' },
        { name: 'requires', args: '0.14.0' },
        { name: 'draft', args: './d' },
      ]),
    ).toBe(
      'FROM llama3.2\nADAPTER ./lora.gguf\nPARAMETER temperature 0.5\nPARAMETER stop <|eot_id|>\nMESSAGE user Hi there\nLICENSE MIT\nRENDERER r\nPARSER p\nREQUIRES 0.14.0\nDRAFT ./d\n',
    );
  });

  it('never quotes FROM (so FROM with outer spaces does not round-trip)', () => {
    const text = format([{ name: 'model', args: '  my model  ' }]);
    expect(text).toBe('FROM   my model  \n');
    expect(pairs(text)).toEqual([{ name: 'model', args: 'my model' }]);
  });

  it('quotes a value with a line break or an outer space: """ when it holds a quote', () => {
    expect(format([{ name: 'system', args: '\nSay "hi"\n' }])).toBe('SYSTEM """\nSay "hi"\n"""\n');
    expect(format([{ name: 'system', args: 'line one\nline two' }])).toBe(
      'SYSTEM "line one\nline two"\n',
    );
    expect(format([{ name: 'stop', args: 'User: ' }])).toBe('PARAMETER stop "User: "\n');
    expect(format([{ name: 'stop', args: ' "x"' }])).toBe('PARAMETER stop """ "x""""\n');
    expect(format([{ name: 'message', args: 'assistant:  lead' }])).toBe(
      'MESSAGE assistant " lead"\n',
    );
  });

  it('leaves values with tabs or inner quotes alone', () => {
    expect(format([{ name: 'system', args: '\tindented' }])).toBe('SYSTEM \tindented\n');
    expect(format([{ name: 'system', args: 'say "hi"' }])).toBe('SYSTEM say "hi"\n');
  });

  it('writes an empty value as a keyword and a space, which parses back to ""', () => {
    const text = format([
      { name: 'model', args: 'x' },
      { name: 'system', args: '' },
    ]);
    expect(text).toBe('FROM x\nSYSTEM \n');
    expect(pairs(text)[1]).toEqual({ name: 'system', args: '' });
  });

  it('documents the values that do not round-trip: outer tabs, and """ with a line break', () => {
    const tab = pairs(
      format([
        { name: 'model', args: 'x' },
        { name: 'system', args: 'a\t' },
      ]),
    );
    expect(tab[1]?.args).toBe('a');
    const triple = format([
      { name: 'model', args: 'x' },
      { name: 'system', args: 'a"""\nb' },
    ]);
    expect(triple).toBe('FROM x\nSYSTEM """a"""\nb"""\n');
    expect(() => parseModelfile(triple)).toThrow();
  });

  it('round-trips Ollama test files (parse, format, parse gives the same commands)', () => {
    const texts = [
      'FROM foo\nADAPTER adapter1\nLICENSE MIT\nPARAMETER param1 value1\nTEMPLATE template1\nMESSAGE system You are a file parser. Always parse things.\nMESSAGE user Hey there!\n',
      'FROM foo\nLICENSE """\nVery long and boring legal text.\n"Oh look, a quote!"\n"""\n\nMESSAGE system """\nYou are a store greeter. Always respond with "Hello!".\n"""\n',
      'FROM foo\nSYSTEM ""\n',
    ];
    for (const text of texts) {
      const modelfile = parseModelfile(text);
      expect(pairs(formatModelfile(modelfile))).toEqual(pairs(text));
    }
  });
});

describe('formatModelfile: pretty', () => {
  const source =
    '\ufeff# My model\r\nFROM llama3.2   \r\n\r\n# sampling\r\nPARAMETER temperature 0.7\r\nSYSTEM """\r\nBe brief.\r\n"""\r\n# end';

  it('reproduces an unedited source byte for byte (BOM, CRLF, comments, blanks)', () => {
    const modelfile = parseModelfile(source);
    expect(formatModelfile(modelfile, { pretty: true })).toBe(source);
  });

  it('rewrites only the edited command, keeping comments and line endings around it', () => {
    const modelfile = parseModelfile(source);
    const commands = modelfile.commands.map((command) =>
      command.name === 'temperature' ? { ...command, args: '0.2' } : command,
    );
    expect(formatModelfile({ ...modelfile, commands }, { pretty: true })).toBe(
      source.replace('temperature 0.7', 'temperature 0.2'),
    );
  });

  it('appends new commands in Ollama form and drops removed ones', () => {
    const modelfile = parseModelfile('FROM x\n# keep\nSYSTEM old');
    const commands = [modelfile.commands[0]!, { name: 'num_ctx', args: '8192' }];
    expect(formatModelfile({ ...modelfile, commands }, { pretty: true })).toBe(
      'FROM x\nPARAMETER num_ctx 8192\n',
    );
    const appended = [...modelfile.commands, { name: 'stop', args: 'END' }];
    expect(formatModelfile({ ...modelfile, commands: appended }, { pretty: true })).toBe(
      'FROM x\n# keep\nSYSTEM old\nPARAMETER stop END\n',
    );
  });

  it('falls back to Ollama form for commands without a source', () => {
    expect(formatModelfile({ commands: [{ name: 'model', args: 'x' }] }, { pretty: true })).toBe(
      'FROM x\n',
    );
  });
});
