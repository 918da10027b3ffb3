import { describe, expect, it } from 'vitest';
import { highlightCode } from './highlight-code.js';

const kinds = (line: { kind: string; text: string }[] | undefined) =>
  (line ?? [])
    .filter((token) => token.text.trim() !== '')
    .map((token) => `${token.kind}:${token.text.trim()}`);

describe('highlightCode', () => {
  it('colours keywords, strings, numbers and comments in TypeScript', () => {
    const [line] = highlightCode('const name = "llama" + 42; // done', 'ts');
    expect(kinds(line)).toEqual([
      'keyword:const',
      'plain:name',
      'punctuation:=',
      'string:"llama"',
      'punctuation:+',
      'number:42',
      'punctuation:;',
      'comment:// done',
    ]);
  });

  it('uses # comments for Python and shell', () => {
    expect(kinds(highlightCode('def f(): # note', 'python')[0])).toEqual([
      'keyword:def',
      'plain:f',
      'punctuation:():',
      'comment:# note',
    ]);
    expect(kinds(highlightCode('echo $HOME # x', 'bash')[0]).at(-1)).toBe('comment:# x');
  });

  it('tracks a block comment across lines', () => {
    const lines = highlightCode('/* start\nmiddle\nend */ return 1', 'js');
    expect(kinds(lines[1])).toEqual(['comment:middle']);
    expect(kinds(lines[2])).toEqual(['comment:end */', 'keyword:return', 'number:1']);
  });

  it('keeps every character of the source', () => {
    const source = 'fn main() {\n    println!("hi {}", 1.5e3);\n}\n@@ weird ¤';
    const text = highlightCode(source, 'rust')
      .map((line) => line.map((token) => token.text).join(''))
      .join('\n');
    expect(text).toBe(source);
  });
});
