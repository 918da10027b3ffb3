import { describe, expect, it } from 'vitest';
import { codeBlocks, parseInline, parseMarkdown } from './parse-markdown.js';

describe('parseMarkdown', () => {
  it('splits a reply into headings, paragraphs, lists, quotes, rules and code', () => {
    const blocks = parseMarkdown(
      [
        '# Title',
        'First line',
        'second line',
        '',
        '- one',
        '  continued',
        '  - nested',
        '2. two',
        '> quoted',
        '> more',
        '---',
        '```ts',
        'const a = 1;',
        '```',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'First line\nsecond line' },
      { kind: 'list-item', ordered: false, marker: '-', depth: 0, text: 'one continued' },
      { kind: 'list-item', ordered: false, marker: '-', depth: 1, text: 'nested' },
      { kind: 'list-item', ordered: true, marker: '2.', depth: 0, text: 'two' },
      { kind: 'quote', text: 'quoted\nmore' },
      { kind: 'rule' },
      { kind: 'code', language: 'ts', code: 'const a = 1;', closed: true },
    ]);
  });

  it('keeps a code fence open while the reply is still streaming', () => {
    expect(parseMarkdown('Here:\n```python\nprint(1)\nfor x')).toEqual([
      { kind: 'paragraph', text: 'Here:' },
      { kind: 'code', language: 'python', code: 'print(1)\nfor x', closed: false },
    ]);
  });

  it('lists the code blocks of a reply', () => {
    expect(codeBlocks('a\n```\none\n```\nb\n~~~sh\ntwo\n~~~')).toEqual(['one', 'two']);
  });
});

describe('parseInline', () => {
  it('styles code, bold, italic, strike and links', () => {
    expect(
      parseInline('Use `ollama ps`, **bold**, *it*, _it2_, ~~no~~ and [docs](https://x.y).'),
    ).toEqual([
      { text: 'Use ' },
      { text: 'ollama ps', code: true },
      { text: ', ' },
      { text: 'bold', bold: true },
      { text: ', ' },
      { text: 'it', italic: true },
      { text: ', ' },
      { text: 'it2', italic: true },
      { text: ', ' },
      { text: 'no', strike: true },
      { text: ' and ' },
      { text: 'docs', link: 'https://x.y' },
      { text: '.' },
    ]);
  });

  it('leaves snake_case words and lone stars alone', () => {
    expect(parseInline('num_ctx and keep_alive * 2')).toEqual([
      { text: 'num_ctx and keep_alive * 2' },
    ]);
  });
});
