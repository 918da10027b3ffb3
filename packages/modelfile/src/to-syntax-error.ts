import { didYouMean } from './did-you-mean';
import { ModelfileSyntaxError } from './errors/modelfile-syntax-error';
import { INSTRUCTIONS, instructionOf, MESSAGE_ROLES } from './instructions';
import type { LineIndex } from './line-index';
import { DEPRECATED_PARAMETERS, PARAMETER_NAMES, PARAMETERS } from './parameters';
import type { ScanFailure } from './scan';

const instructionList = INSTRUCTIONS.join(', ');

function describeCharacter(text: string, offset: number): string {
  const codePoint = text.codePointAt(offset);
  if (codePoint === undefined) return 'end of file';
  if (codePoint === 10 || codePoint === 13) return 'line break';
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  if (codePoint < 0x20 || codePoint === 0x7f || codePoint === 0xa0 || codePoint === 0xfeff) {
    return `invisible character ${hex}`;
  }
  return `character "${String.fromCodePoint(codePoint)}"`;
}

/** The rest of the word from `offset` up to the next blank or line break. */
function wordFrom(text: string, offset: number): string {
  let end = offset;
  while (end < text.length && !/[\s]/.test(text[end]!)) end++;
  return text.slice(offset, end);
}

/** Turns a scanner failure into the error `parseModelfile` throws. */
export function toSyntaxError(
  failure: ScanFailure,
  text: string,
  lines: LineIndex,
): ModelfileSyntaxError {
  const at = lines.positionAt(failure.offset);
  const where = `line ${at.line}, column ${at.column}`;
  let message: string;
  let suggestion: string | undefined;
  const character = describeCharacter(text, failure.offset);
  switch (failure.reason) {
    case 'invalid-instruction': {
      const whole = wordFrom(text, failure.commandStart);
      const keyword = instructionOf(failure.word);
      const atWordStart = failure.offset === failure.commandStart;
      if (keyword !== undefined && !atWordStart && failure.offset < text.length) {
        message = `${keyword} at ${where} must be followed by a space and then its value, not by the ${character}.`;
        suggestion = keyword;
      } else if (Object.hasOwn(PARAMETERS, whole) || DEPRECATED_PARAMETERS.includes(whole)) {
        suggestion = `PARAMETER ${whole}`;
        message = `"${whole}" at ${where} is not an instruction but a parameter name. Did you mean PARAMETER ${whole}?`;
      } else {
        suggestion = didYouMean(failure.word, INSTRUCTIONS);
        const commandAbove = /^[ \t]*[A-Za-z]/m.test(text.slice(0, failure.commandStart));
        let hint = suggestion ? ` Did you mean ${suggestion}?` : '';
        if (!suggestion && commandAbove) {
          hint =
            ' If this line belongs to the value of the command above, wrap that whole value in """ … """.';
        }
        const what = atWordStart
          ? `Unknown instruction "${whole}"`
          : `Unexpected ${character} in the instruction "${whole}"`;
        message = `${what} at ${where}${failure.offset >= text.length ? ', at the end of the file' : ''}.${hint} A line must start with one of ${instructionList}, or # for a comment.`;
      }
      break;
    }
    case 'missing-value': {
      const what =
        failure.instruction === 'PARAMETER'
          ? `PARAMETER ${failure.word}`.trimEnd()
          : failure.instruction === 'MESSAGE'
            ? `MESSAGE ${failure.word}`.trimEnd()
            : (failure.instruction ?? failure.word);
      const example =
        failure.instruction === 'PARAMETER'
          ? 'PARAMETER <name> <value>'
          : failure.instruction === 'MESSAGE'
            ? 'MESSAGE <role> <text>'
            : `${failure.instruction} <value>`;
      const ending = failure.offset >= text.length ? 'the file ends' : 'the line ends';
      message = `${what} at ${where} has no value: ${ending} right after it. Write "${example}" on one line${failure.instruction === 'PARAMETER' || failure.instruction === 'MESSAGE' ? '' : ` (use ${failure.instruction} "" for an empty value)`}.`;
      break;
    }
    case 'invalid-parameter-name': {
      const whole = wordFrom(text, failure.offset - failure.word.length);
      suggestion = didYouMean(whole, [...PARAMETER_NAMES, ...DEPRECATED_PARAMETERS]);
      const hint = suggestion ? ` Did you mean ${suggestion}?` : '';
      message = `Unexpected ${character} in the parameter name "${whole}" at ${where}: a parameter name is letters, digits and "_" only, followed by a space and the value.${hint}`;
      break;
    }
    case 'invalid-message-role': {
      const whole = wordFrom(text, failure.offset);
      const lower = failure.word.toLowerCase();
      suggestion = (MESSAGE_ROLES as readonly string[]).includes(lower)
        ? lower
        : didYouMean(failure.word, MESSAGE_ROLES);
      const hint = suggestion ? ` Did you mean ${suggestion}?` : '';
      if (
        failure.endOffset - failure.offset === failure.word.length &&
        text[failure.endOffset] !== undefined &&
        /[ \t]/.test(text[failure.endOffset]!)
      ) {
        message = `MESSAGE role "${failure.word}" at ${where} is not one of system, user, assistant (roles are case-sensitive).${hint}`;
      } else {
        message = `Unexpected ${character} in the MESSAGE role "${whole}" at ${where}: the role is one of system, user, assistant, followed by a space and the text.${hint}`;
      }
      break;
    }
    case 'unterminated-value': {
      const opener = text.startsWith('"""', failure.offset) ? '"""' : '"';
      message = `The ${opener} that opens the ${failure.instruction ?? ''} value at ${where} is never closed: Ollama reads to the end of the file looking for a line that ends with ${opener}.${runOnHint(text, failure.offset, opener, lines)}`;
      break;
    }
    default:
      message = `No FROM line: a Modelfile must name its base model, for example "FROM llama3.2".`;
  }
  return new ModelfileSyntaxError({
    message,
    reason: failure.reason,
    line: at.line,
    column: at.column,
    offset: failure.offset,
    endOffset: failure.endOffset,
    ollamaMessage: failure.ollamaMessage,
    suggestion,
  });
}

/** Explains a closing quote followed by more text, the usual cause of a value that never ends. */
function runOnHint(text: string, open: number, opener: string, lines: LineIndex): string {
  const close = text.indexOf(opener, open + opener.length);
  if (close < 0) return '';
  let after = close + opener.length;
  let lineEnd = after;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const rest = text.slice(after, lineEnd).trim();
  if (rest === '' || rest.endsWith('"')) return '';
  after = close;
  const closing = lines.positionAt(after);
  return ` The quote at line ${closing.line}, column ${closing.column} is followed by more text ("${rest.length > 20 ? `${rest.slice(0, 20)}…` : rest}"), so it does not end the value: remove that text or move it to its own line.`;
}
