import { describe, expect, it } from 'vitest';
import { ModelfileSyntaxError } from './errors/modelfile-syntax-error';
import { parseModelfile } from './parse-modelfile';

const INVALID_COMMAND =
  'command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"';
const INVALID_ROLE = 'message role must be one of "system", "user", or "assistant"';

/** Ollama's `[name, args]` pairs. */
function pairs(input: string | Uint8Array): Array<[string, string]> {
  return parseModelfile(input).commands.map(({ name, args }) => [name, args]);
}

function failure(input: string | Uint8Array): ModelfileSyntaxError {
  try {
    parseModelfile(input);
  } catch (error) {
    if (ModelfileSyntaxError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`parsed without an error: ${JSON.stringify(input)}`);
}

function utf16(text: string, endianness: 'le' | 'be', bom = true): Uint8Array {
  const bytes: number[] = bom ? (endianness === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (endianness === 'le') bytes.push(code & 0xff, code >> 8);
    else bytes.push(code >> 8, code & 0xff);
  }
  return new Uint8Array(bytes);
}

describe('parseModelfile: the data model (grammar §1)', () => {
  it('names each command as Ollama does', () => {
    const text = [
      'FROM x',
      'ADAPTER a',
      'LICENSE l1',
      'LICENSE l2',
      'TEMPLATE t',
      'SYSTEM s',
      'DRAFT d',
      'RENDERER r',
      'PARSER p',
      'REQUIRES 0.14.0',
      'PARAMETER Temperature 0.5',
      'MESSAGE user Hi',
      '',
    ].join('\n');
    expect(pairs(text)).toEqual([
      ['model', 'x'],
      ['adapter', 'a'],
      ['license', 'l1'],
      ['license', 'l2'],
      ['template', 't'],
      ['system', 's'],
      ['draft', 'd'],
      ['renderer', 'r'],
      ['parser', 'p'],
      ['requires', '0.14.0'],
      ['Temperature', '0.5'],
      ['message', 'user: Hi'],
    ]);
  });

  it('keeps commands in file order without merging (FROM anywhere, several times)', () => {
    expect(pairs('PARAMETER param1 value1\nFROM foo\nFROM bar\nSYSTEM a\nSYSTEM b')).toEqual([
      ['param1', 'value1'],
      ['model', 'foo'],
      ['model', 'bar'],
      ['system', 'a'],
      ['system', 'b'],
    ]);
  });

  it('matches keywords in any case, but keeps parameter names as written', () => {
    expect(pairs('from x\nParameter Num_Ctx 1\nsYsTeM hi\n')).toEqual([
      ['model', 'x'],
      ['Num_Ctx', '1'],
      ['system', 'hi'],
    ]);
  });

  it('parses Ollama test file with a multi-line template and trailing blanks', () => {
    const text =
      '\nFROM model1\nADAPTER adapter1\nLICENSE MIT\nPARAMETER param1 value1\nTEMPLATE """{{ if .System }}<|start_header_id|>system<|end_header_id|>\n\n{{ .System }}<|eot_id|>{{ end }}"""    \n';
    expect(pairs(text).at(-1)).toEqual([
      'template',
      '{{ if .System }}<|start_header_id|>system<|end_header_id|>\n\n{{ .System }}<|eot_id|>{{ end }}',
    ]);
  });
});

describe('parseModelfile: lexical rules (grammar §2)', () => {
  it('skips blank lines and indentation, and accepts tabs as separators', () => {
    expect(pairs('\n\n   \t FROM\tx\n\t\tPARAMETER\tseed\t1\n')).toEqual([
      ['model', 'x'],
      ['seed', '1'],
    ]);
  });

  it('has no inline comments: # after a value is part of it', () => {
    expect(pairs('# comment\nFROM x # y\n  # indented comment\nSYSTEM a#b\n')).toEqual([
      ['model', 'x # y'],
      ['system', 'a#b'],
    ]);
  });

  it('keeps inner whitespace and trims the ends of unquoted values', () => {
    expect(pairs('FROM     FOOO BAR    \nPARAMETER what the \nSYSTEM a \t b\t\n')).toEqual([
      ['model', 'FOOO BAR'],
      ['what', 'the'],
      ['system', 'a \t b'],
    ]);
  });

  it('rejects a keyword followed by a digit, _, -, a quote or NBSP', () => {
    for (const line of ['FROM1 x', 'FROM_x y', 'FROM-x y', 'SYSTEM"hi"', 'FROM\u00a0x']) {
      const error = failure(`FROM a\n${line}\n`);
      expect(error.ollamaMessage, line).toBe(`(line 2): ${INVALID_COMMAND}`);
      expect(error.reason).toBe('invalid-instruction');
      expect(error.line).toBe(2);
    }
  });

  it('rejects an unknown word with a did-you-mean', () => {
    const error = failure('FROM foo\nBADCOMMAND param1 value1\n');
    expect(error.ollamaMessage).toBe(`(line 2): ${INVALID_COMMAND}`);
    const typo = failure('FROM x\nPARAMTER temperature 1\n');
    expect(typo.suggestion).toBe('PARAMETER');
    expect(typo.message).toContain('Did you mean PARAMETER?');
    expect([typo.line, typo.column]).toEqual([2, 1]);
  });

  it('explains the usual mistakes in words', () => {
    expect(failure('FROM x\nSYSTEM"""hi"""\n').message).toBe(
      'SYSTEM at line 2, column 7 must be followed by a space and then its value, not by the character """.',
    );
    const bare = failure('FROM x\nrepeat_last_n 64\n');
    expect(bare.message).toContain('Did you mean PARAMETER repeat_last_n?');
    expect(bare.suggestion).toBe('PARAMETER repeat_last_n');
    expect(failure('FROM x\nSYSTEM hello\nworld\n').message).toContain(
      'wrap that whole value in """',
    );
    expect(failure('ollama show x\nFROM y\n').message).not.toContain('wrap');
    expect(failure('FROM x\nMESSAGE user: hi\n').message).toContain('Unexpected character ":"');
  });

  it('counts the line break that ends a keyword (FROM b\\nSYSTEM\\n is line 3)', () => {
    const error = failure('FROM b\nSYSTEM\n');
    expect(error.ollamaMessage).toBe(`(line 3): ${INVALID_COMMAND}`);
    expect(error.reason).toBe('missing-value');
    expect([error.line, error.column]).toEqual([2, 7]);
  });

  it('reports a keyword at the end of the file as unexpected EOF', () => {
    expect(failure('FROM').ollamaMessage).toBe('unexpected EOF');
    expect(failure('FROM x\nSYSTEM').ollamaMessage).toBe('unexpected EOF');
    expect(failure('FROM x\nSYSTE').reason).toBe('invalid-instruction');
  });

  it('gives an empty parameter name after two spaces, and the rest becomes the value', () => {
    expect(pairs('FROM x\nPARAMETER  temperature 0.5\n')[1]).toEqual(['', 'temperature 0.5']);
  });

  it('rejects other characters in a parameter name with unexpected EOF: <name so far>', () => {
    const dash = failure('FROM x\nPARAMETER top-k 1\n');
    expect(dash.ollamaMessage).toBe('unexpected EOF: top');
    expect(dash.reason).toBe('invalid-parameter-name');
    expect(dash.suggestion).toBe('top_k');
    expect([dash.line, dash.column]).toEqual([2, 14]);
    expect(failure('FROM x\nPARAMETER num.ctx 1\n').ollamaMessage).toBe('unexpected EOF: num');
    expect(failure('FROM x\nPARAMETER num_ctx\n').ollamaMessage).toBe('unexpected EOF: num_ctx');
    expect(failure('FROM x\nPARAMETER \n').ollamaMessage).toBe('unexpected EOF: ');
    // at the very end of the file, Ollama's flush gives a bare "unexpected EOF"
    expect(failure('FROM x\nPARAMETER num_ctx').ollamaMessage).toBe('unexpected EOF');
  });

  it('checks message roles case-sensitively', () => {
    expect(pairs('FROM x\nMESSAGE assistant Hello\n')[1]).toEqual(['message', 'assistant: Hello']);
    const upper = failure('FROM x\nMESSAGE User hi\n');
    expect(upper.ollamaMessage).toBe(`(line 2): ${INVALID_ROLE}`);
    expect(upper.suggestion).toBe('user');
    expect(failure('FROM foo\nMESSAGE badguy I am bad\n').ollamaMessage).toBe(
      `(line 2): ${INVALID_ROLE}`,
    );
    expect(failure('FROM x\nMESSAGE  user hi\n').ollamaMessage).toBe(`(line 2): ${INVALID_ROLE}`);
  });

  it('rejects a non-letter in a role or a role without text as unexpected EOF: <role>', () => {
    expect(failure('FROM x\nMESSAGE user: hi\n').ollamaMessage).toBe('unexpected EOF: user');
    expect(failure('FROM x\nMESSAGE user2 hi\n').ollamaMessage).toBe('unexpected EOF: user');
    expect(failure('FROM foo\nMESSAGE system\n').ollamaMessage).toBe('unexpected EOF: system');
    expect(failure('FROM foo\nMESSAGE system').ollamaMessage).toBe('unexpected EOF');
  });

  it('drops non-printable characters from values, but keeps tabs', () => {
    const text = 'FROM x\nSYSTEM a\u00a0b\u200dc\u0007d\ufeffe\tf\u0085g\n';
    expect(pairs(text)[1]).toEqual(['system', 'abcde\tfg']);
  });

  it('does not check the first character of a keyword: an invisible one is dropped', () => {
    // a BOM or NBSP in the middle of the text, at the start of a line
    expect(pairs('FROM x\n\ufeffSYSTEM hi\n\u00a0PARAMETER seed 1\n')).toEqual([
      ['model', 'x'],
      ['system', 'hi'],
      ['seed', '1'],
    ]);
  });

  it('has no escape sequences', () => {
    expect(pairs('FROM x\nSYSTEM "a\\nb \\" \\\\"\n')[1]).toEqual(['system', 'a\\nb \\" \\\\']);
  });
});

describe('parseModelfile: quoting (grammar §3)', () => {
  const system = (value: string) => pairs(`FROM foo\nSYSTEM ${value}\n`)[1]?.[1];

  it('unquotes "…" and """…""" and keeps inner quotes', () => {
    expect(system('"hello"')).toBe('hello');
    expect(system('"""hello"""')).toBe('hello');
    expect(system('"a" and "b"')).toBe('a" and "b');
    expect(system('"\'"')).toBe("'");
    expect(system(`"""''"'""'""'"'''''""'""'"""`)).toBe(`''"'""'""'"'''''""'""'`);
  });

  it('keeps a value that only contains or ends with quotes as written', () => {
    expect(system('say "hi"')).toBe('say "hi"');
    expect(system("'single'")).toBe("'single'");
  });

  it('gives empty values for "", """""" and a bare keyword with a space', () => {
    expect(system('""')).toBe('');
    expect(system('""""""')).toBe('');
    expect(pairs('FROM foo\nSYSTEM \n')[1]).toEqual(['system', '']);
    expect(pairs('FROM ')).toEqual([['model', '']]);
  });

  it('keeps everything inside quotes across lines, blanks and CR included', () => {
    expect(pairs('FROM foo\nSYSTEM """\nThis is a\nmultiline system.\n"""\n')[1]?.[1]).toBe(
      '\nThis is a\nmultiline system.\n',
    );
    expect(pairs('FROM foo\nSYSTEM "line one\n\n  line two "  \n')[1]?.[1]).toBe(
      'line one\n\n  line two ',
    );
    expect(pairs('FROM foo\r\nSYSTEM """a\r\nb"""\r\n')[1]?.[1]).toBe('a\r\nb');
    expect(pairs('FROM "     model 1"\nLICENSE "MIT       "\n')).toEqual([
      ['model', '     model 1'],
      ['license', 'MIT       '],
    ]);
  });

  it('runs a value on over the next lines when text follows the closing quote', () => {
    expect(pairs('FROM x\nSYSTEM "a" b\nPARAMETER seed "1"\n')).toEqual([
      ['model', 'x'],
      ['system', 'a" b\nPARAMETER seed "1'],
    ]);
  });

  it('handles the """ edge cases', () => {
    // four or five quotes are incomplete: the value runs to the end and fails
    expect(failure('FROM foo\nSYSTEM """"\n').ollamaMessage).toBe('unexpected EOF');
    expect(failure('FROM foo\nSYSTEM """""\n').ollamaMessage).toBe('unexpected EOF');
    expect(failure('FROM foo\nSYSTEM """This is a multiline system.""\n').ollamaMessage).toBe(
      'unexpected EOF',
    );
    // seven quotes: starts and ends with """, one quote inside
    expect(system('"""""""')).toBe('"');
    // """ closing on a later line, with blanks after it
    expect(pairs('FROM foo\nTEMPLATE """\n{{ .Prompt }}\n"""   ')[1]?.[1]).toBe(
      '\n{{ .Prompt }}\n',
    );
    // a """ value whose text contains "quotes"
    expect(system('"""\nSay "Hello!".\n"""')).toBe('\nSay "Hello!".\n');
    // a dropped invisible character between the closing quotes still closes it
    expect(system('"""abc""\u200b"')).toBe('abc');
  });

  it('reports an unterminated quote as unexpected EOF, pointing at the opening quote', () => {
    const error = failure('FROM foo\nSYSTEM "\n');
    expect(error.ollamaMessage).toBe('unexpected EOF');
    expect(error.reason).toBe('unterminated-value');
    expect([error.line, error.column]).toEqual([2, 8]);
    const runOn = failure('FROM foo\nSYSTEM "a" b\nPARAMETER x 1\n');
    expect(runOn.message).toContain('followed by more text');
  });
});

describe('parseModelfile: whole-file rules and line counting (grammar §4)', () => {
  it('requires a FROM line', () => {
    for (const text of ['', '\n\n', '# only a comment\n', 'PARAMETER param1 value1']) {
      const error = failure(text);
      expect(error.ollamaMessage).toBe('no FROM line');
      expect(error.reason).toBe('missing-from');
    }
  });

  it('counts every CR and LF in Ollama lines, but real lines in line/column', () => {
    const error = failure('FROM b\r\nSYSTEM\r\n');
    expect(error.ollamaMessage).toBe(`(line 4): ${INVALID_COMMAND}`);
    expect([error.line, error.column]).toEqual([2, 7]);
    const later = failure('FROM b\r\n\r\nFORM x\r\n');
    expect(later.ollamaMessage).toBe(`(line 5): ${INVALID_COMMAND}`);
    expect(later.line).toBe(3);
    const lonelyCr = failure('FROM b\rFORM x\r');
    expect(lonelyCr.ollamaMessage).toBe(`(line 2): ${INVALID_COMMAND}`);
    expect(lonelyCr.line).toBe(2);
  });

  it('counts line breaks inside multi-line values too', () => {
    const error = failure('FROM b\nSYSTEM """\n1\n2\n"""\nMESSAGE x y\n');
    expect(error.ollamaMessage).toBe(`(line 6): ${INVALID_ROLE}`);
    expect(error.line).toBe(6);
  });
});

describe('parseModelfile: bytes, BOM and UTF-16', () => {
  const text = 'FROM bob\nPARAMETER param1 1\nSYSTEM You are a utf16 file.\n';
  const expected = [
    ['model', 'bob'],
    ['param1', '1'],
    ['system', 'You are a utf16 file.'],
  ];

  it('drops a UTF-8 BOM (bytes or string)', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`# c\n${text}`)]);
    expect(pairs(bytes)).toEqual(expected);
    expect(parseModelfile(bytes).bom).toBe(true);
    expect(pairs(`\ufeff# c\n${text}`)).toEqual(expected);
  });

  it('reads UTF-16 LE and BE after their BOM', () => {
    expect(pairs(utf16(text, 'le'))).toEqual(expected);
    expect(pairs(utf16(text, 'be'))).toEqual(expected);
    expect(parseModelfile(utf16(text, 'be')).encoding).toBe('utf-16be');
  });

  it('reads UTF-16 without a BOM as UTF-8, as Ollama does (the NUL after F fails)', () => {
    expect(failure(utf16(text, 'le', false)).ollamaMessage).toBe(`(line 1): ${INVALID_COMMAND}`);
  });

  it('turns each invalid UTF-8 byte into one U+FFFD (Go, not WHATWG)', () => {
    const truncated = new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x20, 0x61, 0xe2, 0x82, 0x41]);
    expect(pairs(truncated)).toEqual([['model', 'a\ufffd\ufffdA']]);
    // a surrogate encoded in UTF-8 (ED A0 80) is three bad bytes
    const surrogate = new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xed, 0xa0, 0x80]);
    expect(pairs(surrogate)).toEqual([['model', '\ufffd\ufffd\ufffd']]);
  });
});

describe('parseModelfile: source positions', () => {
  it('gives line, column and offsets for each command', () => {
    const text = '# head\r\nFROM llama3\r\n  PARAMETER seed 7\r\nSYSTEM """a\r\nb"""\r\n';
    const [from, seed, system] = parseModelfile(text).commands;
    expect(from?.start).toEqual({ offset: 8, line: 2, column: 1 });
    expect(from?.end).toEqual({ offset: 19, line: 2, column: 12 });
    expect(seed?.start).toEqual({ offset: 23, line: 3, column: 3 });
    expect(text.slice(seed!.nameStart, seed!.nameEnd)).toBe('seed');
    expect(text.slice(seed!.valueStart, seed!.valueEnd)).toBe('7');
    expect(system?.end).toMatchObject({ line: 5, column: 5 });
    expect(system?.quote).toBe('"""');
    expect(text.slice(system!.leadingStart, system!.start.offset)).toBe('');
    expect(text.slice(from!.leadingStart, from!.start.offset)).toBe('# head\r\n');
    expect(text.slice(from!.end.offset, from!.terminatorEnd)).toBe('\r\n');
  });

  it('counts columns in code points', () => {
    // the first character of a keyword is not checked: the second emoji is the offending one
    const error = failure('FROM x\n😀😀 x\n');
    expect([error.line, error.column, error.offset]).toEqual([2, 2, 9]);
    const dash = failure('FROM 😀\nPARAMETER 😀\n');
    expect([dash.line, dash.column, dash.offset]).toEqual([2, 11, 18]);
    const other = failure('FROM 😀\n😀SYSTEM x\n');
    expect([other.line, other.column]).toEqual([2, 1]);
    const [, system] = parseModelfile('FROM x\nSYSTEM 😀😀 y\n').commands;
    expect(system?.end.column).toBe(12);
  });
});
