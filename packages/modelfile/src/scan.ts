import { INSTRUCTIONS, instructionOf, MESSAGE_ROLES } from './instructions';
import { isPrintable } from './is-printable';
import {
  INVALID_COMMAND,
  INVALID_MESSAGE_ROLE,
  lineError,
  UNEXPECTED_EOF,
} from './ollama-messages';
import { PARAMETER_NAMES } from './parameters';
import type { Instruction, ModelfileCommand, QuoteStyle, SourcePosition } from './types';

/** Why a source text is not a Modelfile Ollama accepts. */
export type SyntaxErrorReason =
  | 'invalid-instruction'
  | 'missing-value'
  | 'invalid-parameter-name'
  | 'invalid-message-role'
  | 'unterminated-value'
  | 'missing-from';

/** A syntax failure found by the scanner, with Ollama's exact message. */
export interface ScanFailure {
  reason: SyntaxErrorReason;
  ollamaMessage: string;
  /** Offending range (offsets into the text). */
  offset: number;
  endOffset: number;
  /** Start of the command that failed and the end of the text skipped because of it. */
  commandStart: number;
  segmentEnd: number;
  /** The keyword, parameter name or role read so far (printable characters only). */
  word: string;
  /** The instruction, once the keyword was recognised. */
  instruction?: Instruction;
}

export interface ScanResult {
  commands: ModelfileCommand[];
  failures: ScanFailure[];
  trailing: string;
}

const NIL = 0;
const NAME = 1;
const VALUE = 2;
const PARAMETER = 3;
const MESSAGE = 4;
const COMMENT = 5;

function isAlpha(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isParameterChar(code: number): boolean {
  return isAlpha(code) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * Ollama's `ParseFile` state machine over char codes. Strict mode stops at the first failure as
 * Ollama does; tolerant mode records it, skips to the next line and goes on (for editors).
 * Values are sliced from the text, never built a character at a time.
 */
export function scan(text: string, tolerant: boolean): ScanResult {
  const length = text.length;
  // offset of the last surrogate seen; columns on lines after it are plain subtractions
  let lastSurrogate = -1;
  const commands: ModelfileCommand[] = [];
  const failures: ScanFailure[] = [];

  const column = (lineStart: number, offset: number): number => {
    if (lastSurrogate < lineStart) return offset - lineStart + 1;
    let count = 1;
    for (let index = lineStart; index < offset; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0xdc00 && code <= 0xdfff && index > lineStart) {
        const previous = text.charCodeAt(index - 1);
        if (previous >= 0xd800 && previous <= 0xdbff) continue;
      }
      count++;
    }
    return count;
  };

  let state = NIL;
  let index = 0;
  let goLine = 1; // Ollama's count: 1 + every \r and \n read
  let line = 1;
  let lineStart = 0;
  let previousEnd = 0;

  // current command
  let commandStart = 0;
  let commandLine = 1;
  let commandLineStart = 0;
  let keywordEnd = 0;
  let keyword = '';
  let instruction: Instruction = 'FROM';
  let name = '';
  let nameStart = -1;
  let nameEnd = -1;
  let role = '';

  // current value
  let valueBegin = 0;
  let valueLine = 1;
  let valueLineStart = 0;
  let started = false;
  let trimStart = 0;
  let trimEnd = 0;
  let endLine = 1;
  let endLineStart = 0;
  let kept = 0;
  let trimCount = 0;
  let leadQuotes = 0;
  let leadOpen = false;
  let tailQuotes = 0;
  let blankSince = false;
  let dropped = false;

  // Records a failure. Returns where to resume (tolerant mode), or -1 to stop (strict mode).
  const fail = (
    reason: SyntaxErrorReason,
    ollamaMessage: string,
    offset: number,
    endOffset: number,
    word: string,
    known?: Instruction,
  ): number => {
    const segmentEnd =
      reason === 'unterminated-value' ? length : skipToLineBreak(text, offset, length);
    const failure: ScanFailure = {
      reason,
      ollamaMessage,
      offset,
      endOffset,
      commandStart,
      segmentEnd,
      word,
    };
    if (known !== undefined) failure.instruction = known;
    failures.push(failure);
    if (!tolerant) return -1;
    // resume in the Nil state at the line break that ends the failed line
    state = NIL;
    previousEnd = segmentEnd;
    return segmentEnd;
  };

  const complete = (): boolean =>
    leadQuotes === 0 ||
    (leadQuotes >= 3 ? trimCount >= 6 && tailQuotes >= 3 : trimCount >= 2 && tailQuotes >= 1);

  const beginValue = (at: number) => {
    state = VALUE;
    valueBegin = at;
    valueLine = line;
    valueLineStart = lineStart;
    started = false;
    kept = 0;
    trimCount = 0;
    leadQuotes = 0;
    leadOpen = false;
    tailQuotes = 0;
    blankSince = false;
    dropped = false;
  };

  const position = (offset: number, atLine: number, atLineStart: number): SourcePosition => ({
    offset,
    line: atLine,
    column: column(atLineStart, offset),
  });

  // Completes the current command; `at` is the line break (or the end) that ended its value.
  const finishCommand = (at: number, unterminated: boolean) => {
    let args: string;
    let quote: QuoteStyle = '';
    let valueStart = valueBegin;
    let valueEnd = valueBegin;
    let endPosition: SourcePosition;
    if (!started) {
      args = '';
      endPosition = position(valueBegin, valueLine, valueLineStart);
    } else {
      valueStart = trimStart;
      valueEnd = trimEnd;
      const strip = unterminated ? 0 : leadQuotes >= 3 ? 3 : leadQuotes >= 1 ? 1 : 0;
      quote = strip === 3 ? '"""' : strip === 1 ? '"' : '';
      if (!dropped) {
        args = text.slice(trimStart + strip, trimEnd - strip);
      } else {
        const keptText = keepPrintable(text, trimStart, trimEnd);
        args = keptText.slice(strip, keptText.length - strip);
      }
      endPosition = position(trimEnd, endLine, endLineStart);
    }
    if (instruction === 'MESSAGE') args = `${role}: ${args}`;
    let terminatorEnd = at;
    if (at < length) {
      terminatorEnd = at + 1;
      if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) terminatorEnd++;
    }
    const command: ModelfileCommand = {
      name,
      args,
      instruction,
      keyword,
      start: position(commandStart, commandLine, commandLineStart),
      end: endPosition,
      keywordEnd,
      nameStart,
      nameEnd,
      valueStart,
      valueEnd,
      quote,
      leadingStart: previousEnd,
      terminatorEnd,
    };
    commands.push(command);
    previousEnd = terminatorEnd;
    state = NIL;
  };

  while (index < length) {
    let code = text.charCodeAt(index);
    switch (state) {
      case NIL: {
        if (code === 32 || code === 9) {
          index++;
          break;
        }
        if (code === 10 || code === 13) {
          goLine++;
          if (code === 13 || index === 0 || text.charCodeAt(index - 1) !== 13) line++;
          lineStart = index + 1;
          index++;
          break;
        }
        if (code === 35) {
          state = COMMENT;
          index++;
          break;
        }
        // Any other character starts a keyword; Ollama does not check this first one.
        commandStart = index;
        commandLine = line;
        commandLineStart = lineStart;
        nameStart = -1;
        nameEnd = -1;
        role = '';
        state = NAME;
        if (code >= 0xd800 && code <= 0xdfff) lastSurrogate = index;
        index += charWidth(text, index, code);
        break;
      }
      case COMMENT: {
        index = skipToLineBreak(text, index, length);
        state = NIL;
        break;
      }
      case NAME: {
        index = skipLetters(text, index, length);
        if (index >= length) break;
        code = text.charCodeAt(index);
        if (code === 32 || code === 9) {
          const known = matchKeyword(text, commandStart, index);
          if (known === undefined) {
            const message = lineError(goLine, INVALID_COMMAND);
            const word = keywordText(text, commandStart, index);
            const resume = fail('invalid-instruction', message, commandStart, index, word);
            if (resume < 0) return { commands, failures, trailing: '' };
            index = resume;
            break;
          }
          keyword =
            text.startsWith(known, commandStart) && index - commandStart === known.length
              ? known
              : text.slice(commandStart, index);
          instruction = known;
          keywordEnd = index;
          index++;
          if (known === 'PARAMETER') {
            state = PARAMETER;
            nameStart = index;
          } else if (known === 'MESSAGE') {
            state = MESSAGE;
            name = 'message';
            nameStart = index;
          } else {
            name = known === 'FROM' ? 'model' : known.toLowerCase();
            beginValue(index);
          }
          break;
        }
        const isBreak = code === 10 || code === 13;
        const word = keywordText(text, commandStart, index);
        const known = instructionOf(word);
        const reason = isBreak && known !== undefined ? 'missing-value' : 'invalid-instruction';
        const message = lineError(goLine + (isBreak ? 1 : 0), INVALID_COMMAND);
        const width = charWidth(text, index, code);
        const resume = fail(reason, message, index, isBreak ? index : index + width, word, known);
        if (resume < 0) return { commands, failures, trailing: '' };
        index = resume;
        break;
      }
      case PARAMETER:
      case MESSAGE: {
        const isParameter = state === PARAMETER;
        index = isParameter
          ? skipParameterName(text, index, length)
          : skipLetters(text, index, length);
        if (index >= length) break;
        code = text.charCodeAt(index);
        // known names and roles reuse one string instead of a new slice per command
        const word = knownWord(text, nameStart, index) ?? text.slice(nameStart, index);
        if (code === 32 || code === 9) {
          nameEnd = index;
          if (isParameter) {
            name = word;
          } else {
            if (word !== 'system' && word !== 'user' && word !== 'assistant') {
              const message = lineError(goLine, INVALID_MESSAGE_ROLE);
              const resume = fail(
                'invalid-message-role',
                message,
                nameStart,
                index,
                word,
                'MESSAGE',
              );
              if (resume < 0) return { commands, failures, trailing: '' };
              index = resume;
              break;
            }
            role = word;
          }
          index++;
          beginValue(index);
          break;
        }
        const isBreak = code === 10 || code === 13;
        let reason: SyntaxErrorReason = 'missing-value';
        if (!isBreak) reason = isParameter ? 'invalid-parameter-name' : 'invalid-message-role';
        const width = charWidth(text, index, code);
        const known: Instruction = isParameter ? 'PARAMETER' : 'MESSAGE';
        const message = `${UNEXPECTED_EOF}: ${word}`;
        const resume = fail(reason, message, index, isBreak ? index : index + width, word, known);
        if (resume < 0) return { commands, failures, trailing: '' };
        index = resume;
        break;
      }
      default: {
        // VALUE: the hot loop. Runs of plain printable ASCII are skipped in one go.
        while (index < length) {
          code = text.charCodeAt(index);
          if (
            code > 34 ? code < 127 || isPlainBmp(code) : code === 33 || code === 32 || code === 9
          ) {
            // a run of printable ASCII and blanks (no quote): one bookkeeping step for all of it
            const runStart = index;
            index = skipPlain(text, index + 1, length);
            let countFrom = runStart;
            if (!started) {
              while (countFrom < index && isBlank(text.charCodeAt(countFrom))) countFrom++;
              if (countFrom === index) continue; // only blanks before the value
              started = true;
              trimStart = countFrom;
            }
            let lastSolid = index;
            while (lastSolid > countFrom && isBlank(text.charCodeAt(lastSolid - 1))) lastSolid--;
            leadOpen = false;
            if (lastSolid > countFrom) {
              trimCount = kept + (lastSolid - countFrom);
              tailQuotes = 0;
              trimEnd = lastSolid;
              endLine = line;
              endLineStart = lineStart;
              blankSince = lastSolid < index;
            } else {
              blankSince = true;
            }
            kept += index - countFrom;
            continue;
          }
          if (code === 34) {
            if (!started) {
              started = true;
              trimStart = index;
              leadOpen = true;
            }
            if (leadOpen) {
              leadQuotes++;
              if (leadQuotes === 3) leadOpen = false;
            }
            kept++;
            trimCount = kept;
            tailQuotes = blankSince ? 1 : tailQuotes + 1;
            blankSince = false;
            index++;
            trimEnd = index;
            endLine = line;
            endLineStart = lineStart;
            continue;
          }
          if (code === 10 || code === 13) {
            if (complete()) {
              finishCommand(index, false);
              break;
            }
            // The value is not complete yet: the line break is part of it (the run-on rule).
            goLine++;
            if (code === 13 || text.charCodeAt(index - 1) !== 13) line++;
            lineStart = index + 1;
            if (started) {
              kept++;
              blankSince = true;
              leadOpen = false;
            }
            index++;
            continue;
          }
          if (code < 128) {
            // other ASCII control characters are dropped
            if (started) dropped = true;
            index++;
            continue;
          }
          let codePoint = code;
          let width = 1;
          if (code >= 0xd800 && code <= 0xdfff) lastSurrogate = index;
          if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text, index + 1)) {
            codePoint = ((code - 0xd800) << 10) + (text.charCodeAt(index + 1) - 0xdc00) + 0x10000;
            width = 2;
          }
          if (!isPrintable(codePoint)) {
            if (started) dropped = true;
            index += width;
            continue;
          }
          if (!started) {
            started = true;
            trimStart = index;
          }
          leadOpen = false;
          kept++;
          trimCount = kept;
          tailQuotes = 0;
          blankSince = false;
          index += width;
          trimEnd = index;
          endLine = line;
          endLineStart = lineStart;
        }
        break;
      }
    }
  }

  // end of input: flush as Ollama does
  switch (state) {
    case NIL:
    case COMMENT:
      break;
    case VALUE:
      if (complete()) {
        finishCommand(length, false);
      } else {
        // tolerant: keep the unterminated command so editors can still show it
        if (tolerant) finishCommand(length, true);
        fail('unterminated-value', UNEXPECTED_EOF, trimStart, length, keyword, instruction);
        return { commands, failures, trailing: '' };
      }
      break;
    case NAME: {
      const word = keywordText(text, commandStart, length);
      const known = instructionOf(word);
      const reason = known === undefined ? 'invalid-instruction' : 'missing-value';
      fail(reason, UNEXPECTED_EOF, length, length, word, known);
      return { commands, failures, trailing: '' };
    }
    default: {
      const known: Instruction = state === PARAMETER ? 'PARAMETER' : 'MESSAGE';
      const word = text.slice(nameStart, length);
      fail('missing-value', UNEXPECTED_EOF, length, length, word, known);
      return { commands, failures, trailing: '' };
    }
  }
  return { commands, failures, trailing: text.slice(previousEnd) };
}

/** End of the run of plain value characters (printable, not a quote, or a blank) from `from`. */
function skipPlain(text: string, from: number, length: number): number {
  let at = from;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code > 34 ? code < 127 || isPlainBmp(code) : code === 33 || code === 32 || code === 9) at++;
    else break;
  }
  return at;
}

function skipToLineBreak(text: string, from: number, length: number): number {
  let at = from;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) break;
    at++;
  }
  return at;
}

function skipLetters(text: string, from: number, length: number): number {
  let at = from;
  while (at < length && isAlpha(text.charCodeAt(at))) at++;
  return at;
}

function skipParameterName(text: string, from: number, length: number): number {
  let at = from;
  while (at < length && isParameterChar(text.charCodeAt(at))) at++;
  return at;
}

/** A printable character of the BMP outside the surrogates (DEL and C1 controls are not printable). */
function isPlainBmp(code: number): boolean {
  return code >= 0xa0 && (code < 0xd800 || code > 0xdfff) && isPrintable(code);
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The instruction a keyword names, compared without allocating; the first character may be a dropped one. */
function matchKeyword(text: string, start: number, end: number): Instruction | undefined {
  let from = start;
  const first = text.codePointAt(start) ?? 0;
  if (!isPrintable(first)) from += first > 0xffff ? 2 : 1;
  const candidates = bySize[end - from];
  if (candidates === undefined) return undefined;
  for (const instruction of candidates) {
    let same = true;
    for (let index = 0; index < instruction.length; index++) {
      if ((text.charCodeAt(from + index) | 0x20) !== (instruction.charCodeAt(index) | 0x20)) {
        same = false;
        break;
      }
    }
    if (same) return instruction;
  }
  return undefined;
}

// parameter names and roles by length, for knownWord
const wordsBySize: Array<string[] | undefined> = [];
for (const word of [...PARAMETER_NAMES, ...MESSAGE_ROLES]) {
  const list = wordsBySize[word.length] ?? [];
  list.push(word);
  wordsBySize[word.length] = list;
}

/** `text[start, end)` when it is a known parameter name or role (exact case), without allocating. */
function knownWord(text: string, start: number, end: number): string | undefined {
  const candidates = wordsBySize[end - start];
  if (candidates === undefined) return undefined;
  for (const word of candidates) {
    if (text.startsWith(word, start)) return word;
  }
  return undefined;
}

// instructions by keyword length, for matchKeyword
const bySize: Array<Instruction[] | undefined> = [];
for (const instruction of INSTRUCTIONS) {
  const list = bySize[instruction.length] ?? [];
  list.push(instruction);
  bySize[instruction.length] = list;
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** UTF-16 units of the character at `index` whose first unit is `code`: 2 for a surrogate pair. */
function charWidth(text: string, index: number, code: number): number {
  return code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text, index + 1) ? 2 : 1;
}

/** The keyword as Ollama buffers it: its first character is dropped when not printable. */
function keywordText(text: string, start: number, end: number): string {
  const first = text.codePointAt(start) ?? 0;
  if (start < end && !isPrintable(first)) return text.slice(start + (first > 0xffff ? 2 : 1), end);
  return text.slice(start, end);
}

/** The characters of `text[start, end)` Ollama keeps in a value: printable ones, blanks, line breaks. */
export function keepPrintable(text: string, start: number, end: number): string {
  const parts: string[] = [];
  let runStart = start;
  let index = start;
  while (index < end) {
    const codePoint = text.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const keep = codePoint === 9 || codePoint === 10 || codePoint === 13 || isPrintable(codePoint);
    if (!keep) {
      if (index > runStart) parts.push(text.slice(runStart, index));
      runStart = index + width;
    }
    index += width;
  }
  if (end > runStart) parts.push(text.slice(runStart, end));
  return parts.join('');
}
