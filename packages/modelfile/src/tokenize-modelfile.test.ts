import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenizeModelfile, tokenizeModelfileLines } from './tokenize-modelfile';

const kinds = (text: string) =>
  tokenizeModelfile(text).map((token) => `${token.kind}:${JSON.stringify(token.text)}`);

describe('tokenizeModelfile', () => {
  it('splits a Modelfile into highlighting tokens', () => {
    expect(kinds('# hi\nFROM llama3.2\nPARAMETER temperature 0.7\nMESSAGE user "Hi"\n')).toEqual([
      'comment:"# hi"',
      'newline:"\\n"',
      'keyword:"FROM"',
      'whitespace:" "',
      'value:"llama3.2"',
      'newline:"\\n"',
      'keyword:"PARAMETER"',
      'whitespace:" "',
      'parameter-name:"temperature"',
      'whitespace:" "',
      'number:"0.7"',
      'newline:"\\n"',
      'keyword:"MESSAGE"',
      'whitespace:" "',
      'message-role:"user"',
      'whitespace:" "',
      'quote:"\\""',
      'string:"Hi"',
      'quote:"\\""',
      'newline:"\\n"',
    ]);
  });

  it('splits multi-line values at line breaks and marks template actions', () => {
    const tokens = tokenizeModelfile(
      'FROM x\r\nTEMPLATE """{{ .System }}\r\nUser: {{ .Prompt }}"""',
    );
    expect(
      tokens.slice(4).map((token) => [token.kind, token.text, token.line, token.column]),
    ).toEqual([
      ['keyword', 'TEMPLATE', 2, 1],
      ['whitespace', ' ', 2, 9],
      ['quote', '"""', 2, 10],
      ['template-action', '{{ .System }}', 2, 13],
      ['newline', '\r\n', 2, 26],
      ['string', 'User: ', 3, 1],
      ['template-action', '{{ .Prompt }}', 3, 7],
      ['quote', '"""', 3, 20],
    ]);
  });

  it('marks what Ollama rejects as invalid, to the end of its line, and goes on', () => {
    expect(kinds('FROM x\nFORM y\nPARAMETER use_mmap true\nSYSTEM "open\n')).toEqual([
      'keyword:"FROM"',
      'whitespace:" "',
      'value:"x"',
      'newline:"\\n"',
      'invalid:"FORM y"',
      'newline:"\\n"',
      'keyword:"PARAMETER"',
      'whitespace:" "',
      'parameter-name:"use_mmap"',
      'whitespace:" "',
      'boolean:"true"',
      'newline:"\\n"',
      'keyword:"SYSTEM"',
      'whitespace:" "',
      'quote:"\\""',
      'string:"open"',
      'newline:"\\n"',
    ]);
  });

  it('covers every character of every corpus file exactly once, in order', () => {
    const directory = join(import.meta.dirname, '__fixtures__', 'corpus');
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.Modelfile'))) {
      const text = readFileSync(join(directory, file), 'utf8').replace(/^\ufeff/, '');
      const tokens = tokenizeModelfile(text);
      expect(tokens.map((token) => token.text).join(''), file).toBe(text);
      let offset = 0;
      for (const token of tokens) {
        expect(token.offset, file).toBe(offset);
        expect(token.text.includes('\n') && token.kind !== 'newline', file).toBe(false);
        offset = token.end;
      }
    }
  });

  it('groups tokens by line for line-by-line rendering', () => {
    const lines = tokenizeModelfileLines('FROM x\r\nSYSTEM """a\nb"""\n');
    expect(lines.map((line) => line.map((token) => token.kind))).toEqual([
      ['keyword', 'whitespace', 'value'],
      ['keyword', 'whitespace', 'quote', 'string'],
      ['string', 'quote'],
      [],
    ]);
    expect(lines[2]?.[0]).toMatchObject({ text: 'b', line: 3, column: 1 });
  });
});
