import { decodeSource } from './decode-source';
import { isParameterCommand } from './instructions';
import { scan } from './scan';
import { typeParameter } from './type-parameter';
import type { ModelfileCommand } from './types';

/** What a token is, for syntax highlighting. */
export type TokenKind =
  | 'keyword'
  | 'parameter-name'
  | 'message-role'
  | 'value'
  | 'number'
  | 'boolean'
  | 'string'
  | 'quote'
  | 'template-action'
  | 'comment'
  | 'whitespace'
  | 'newline'
  | 'invalid';

/** A piece of the source. Tokens cover the text without gaps and never span a line break. */
export interface Token {
  kind: TokenKind;
  text: string;
  /** Offsets into the decoded text: `offset` to `end` (exclusive). */
  offset: number;
  end: number;
  /** 1-based line and code-point column of the first character. */
  line: number;
  column: number;
}

/**
 * Splits a Modelfile into tokens for syntax highlighting, following Ollama's own reading of it
 * (so a value that runs on over several lines is shown as one value). Never throws: text Ollama
 * would reject is marked `invalid` from the mistake to the end of its line.
 * @example
 * tokenizeModelfile('FROM llama3.2\n').map((token) => token.kind);
 * // ['keyword', 'whitespace', 'value', 'newline']
 */
export function tokenizeModelfile(input: string | Uint8Array): Token[] {
  const { text } = decodeSource(input);
  const { commands, failures } = scan(text, true);
  const tokens: Token[] = [];
  let line = 1;
  let column = 1;

  const emit = (kind: TokenKind, from: number, to: number) => {
    let start = from;
    for (let index = from; index < to; index++) {
      const code = text.charCodeAt(index);
      if (code !== 10 && code !== 13) continue;
      push(kind, start, index);
      const breakEnd =
        code === 13 && text.charCodeAt(index + 1) === 10 && index + 1 < to ? index + 2 : index + 1;
      push('newline', index, breakEnd);
      line++;
      column = 1;
      index = breakEnd - 1;
      start = breakEnd;
    }
    push(kind, start, to);
  };
  const push = (kind: TokenKind, from: number, to: number) => {
    if (to <= from) return;
    const piece = text.slice(from, to);
    tokens.push({ kind, text: piece, offset: from, end: to, line, column });
    if (kind !== 'newline') column += codePointLength(piece);
  };

  const trivia = (from: number, to: number) => {
    let index = from;
    while (index < to) {
      const code = text.charCodeAt(index);
      if (code === 10 || code === 13) {
        const breakEnd =
          code === 13 && text.charCodeAt(index + 1) === 10 && index + 1 < to
            ? index + 2
            : index + 1;
        emit('newline', index, breakEnd);
        index = breakEnd;
        continue;
      }
      let end = index;
      if (code === 35) {
        while (end < to && text[end] !== '\n' && text[end] !== '\r') end++;
        push('comment', index, end);
      } else {
        while (end < to && text[end] !== '\n' && text[end] !== '\r' && text[end] !== '#') end++;
        push('whitespace', index, end);
      }
      index = end;
    }
  };

  type Segment = { start: number; end: number; command?: ModelfileCommand };
  const segments: Segment[] = [];
  const unterminated = failures.find((failure) => failure.reason === 'unterminated-value');
  for (const command of commands)
    segments.push({ start: command.start.offset, end: command.end.offset, command });
  for (const failure of failures) {
    if (failure.reason !== 'unterminated-value')
      segments.push({ start: failure.commandStart, end: failure.segmentEnd });
  }
  segments.sort((left, right) => left.start - right.start);

  let cursor = 0;
  for (const segment of segments) {
    trivia(cursor, segment.start);
    if (segment.command === undefined) {
      emit('invalid', segment.start, segment.end);
    } else {
      const open = unterminated !== undefined && unterminated.offset === segment.command.valueStart;
      commandTokens(segment.command, open, emit);
    }
    cursor = segment.end;
  }
  trivia(cursor, text.length);
  return tokens;

  function commandTokens(
    command: ModelfileCommand,
    open: boolean,
    out: (kind: TokenKind, from: number, to: number) => void,
  ) {
    out('keyword', command.start.offset, command.keywordEnd);
    let at = command.keywordEnd;
    if (command.nameStart >= 0) {
      out('whitespace', at, command.nameStart);
      out(
        command.name === 'message' ? 'message-role' : 'parameter-name',
        command.nameStart,
        command.nameEnd,
      );
      at = command.nameEnd;
    }
    out('whitespace', at, command.valueStart);
    let quote: number = command.quote.length;
    if (open) quote = text.startsWith('"""', command.valueStart) ? 3 : 1;
    const contentStart = command.valueStart + quote;
    const contentEnd = open ? command.valueEnd : command.valueEnd - quote;
    if (quote > 0) out('quote', command.valueStart, contentStart);
    let kind: TokenKind = quote > 0 ? 'string' : 'value';
    if (isParameterCommand(command.name) && !open) {
      const typed = typeParameter(command.name, command.args);
      if (typed.ok && typeof typed.value === 'number') kind = 'number';
      if (typed.ok && typeof typed.value === 'boolean') kind = 'boolean';
    }
    if (command.name === 'template') templateTokens(contentStart, contentEnd, kind, out);
    else out(kind, contentStart, contentEnd);
    if (quote > 0 && !open) out('quote', contentEnd, command.valueEnd);
  }

  function templateTokens(
    from: number,
    to: number,
    kind: TokenKind,
    out: (kind: TokenKind, from: number, to: number) => void,
  ) {
    let at = from;
    while (at < to) {
      const open = text.indexOf('{{', at);
      if (open < 0 || open >= to) break;
      const close = text.indexOf('}}', open + 2);
      const end = close < 0 || close + 2 > to ? to : close + 2;
      out(kind, at, open);
      out('template-action', open, end);
      at = end;
    }
    out(kind, at, to);
  }
}

function codePointLength(piece: string): number {
  let count = piece.length;
  for (let index = 0; index < piece.length; index++) {
    const code = piece.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = piece.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}

/**
 * The tokens of each line, for line-by-line rendering: `lines[n]` holds line n + 1 without its
 * line break. A value over several lines shows up in each of them.
 * @example
 * tokenizeModelfileLines('FROM x\nSYSTEM """a\nb"""\n').map((line) => line.map((token) => token.kind));
 * // [['keyword', 'whitespace', 'value'], ['keyword', 'whitespace', 'quote', 'string'], ['string', 'quote'], []]
 */
export function tokenizeModelfileLines(input: string | Uint8Array): Token[][] {
  const lines: Token[][] = [[]];
  for (const token of tokenizeModelfile(input)) {
    if (token.kind === 'newline') lines.push([]);
    else lines[lines.length - 1]!.push(token);
  }
  return lines;
}
