// A deliberately plain transcription of Ollama's parser/parser.go ParseFile, rune by rune with a
// buffer, used as the oracle in the property test. Slow and obvious on purpose: the real scanner
// (scan.ts) keeps the same decisions incrementally and slices ranges instead.

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

function isPrint(rune: number): boolean {
  if (rune === 0x20) return true;
  if (rune >= 0xd800 && rune <= 0xdfff) return true; // a lone surrogate stands for U+FFFD
  if (rune === 0xad) return false;
  return printable.test(String.fromCodePoint(rune));
}

const isAlpha = (rune: number) => (rune >= 97 && rune <= 122) || (rune >= 65 && rune <= 90);
const isNumber = (rune: number) => rune >= 48 && rune <= 57;
const isSpace = (rune: number) => rune === 32 || rune === 9;
const isNewline = (rune: number) => rune === 10 || rune === 13;

const commandsList = [
  'from',
  'license',
  'template',
  'system',
  'adapter',
  'draft',
  'renderer',
  'parser',
  'parameter',
  'message',
  'requires',
];

function unquote(value: string): [string, boolean] {
  if (value.startsWith('"""')) {
    if (value.length >= 6 && value.endsWith('"""')) return [value.slice(3, -3), true];
    return ['', false];
  }
  if (value.startsWith('"')) {
    if (value.length >= 2 && value.endsWith('"')) return [value.slice(1, -1), true];
    return ['', false];
  }
  return [value, true];
}

const trimSpace = (value: string) => value.replace(/^[ \t\r\n\v\f]+|[ \t\r\n\v\f]+$/g, '');

export type ReferenceResult = { commands: Array<[string, string]> } | { error: string };

export function referenceParse(text: string): ReferenceResult {
  type State = 'nil' | 'name' | 'value' | 'parameter' | 'message' | 'comment';
  const commands: Array<[string, string]> = [];
  let state: State = 'nil';
  let line = 1;
  let buffer = '';
  let role = '';
  let name = '';
  for (const character of text) {
    let rune = character.codePointAt(0)!;
    if (isNewline(rune)) line++;
    let next: State = state;
    let error: 'eof' | 'command' | undefined;
    switch (state) {
      case 'nil':
        if (rune === 35) [next, rune] = ['comment', 0];
        else if (isSpace(rune) || isNewline(rune)) [next, rune] = ['nil', 0];
        else next = 'name';
        break;
      case 'name':
        if (isAlpha(rune)) next = 'name';
        else if (isSpace(rune)) [next, rune] = ['value', 0];
        else error = 'command';
        break;
      case 'value':
        next = isNewline(rune) || isSpace(rune) ? 'nil' : 'value';
        break;
      case 'parameter':
        if (isAlpha(rune) || isNumber(rune) || rune === 95) next = 'parameter';
        else if (isSpace(rune)) [next, rune] = ['value', 0];
        else error = 'eof';
        break;
      case 'message':
        if (isAlpha(rune)) next = 'message';
        else if (isSpace(rune)) [next, rune] = ['value', 0];
        else error = 'eof';
        break;
      default:
        [next, rune] = [isNewline(rune) ? 'nil' : 'comment', 0];
    }
    if (error === 'eof') return { error: `unexpected EOF: ${buffer}` };
    if (error === 'command')
      return {
        error: `(line ${line}): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"`,
      };
    if (next !== state) {
      if (state === 'name') {
        const lower = buffer.toLowerCase();
        if (!commandsList.includes(lower)) {
          return {
            error: `(line ${line}): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"`,
          };
        }
        if (lower === 'from') name = 'model';
        else if (lower === 'parameter') next = 'parameter';
        else if (lower === 'message') [next, name] = ['message', 'message'];
        else name = lower;
      } else if (state === 'parameter') {
        name = buffer;
      } else if (state === 'message') {
        if (buffer !== 'system' && buffer !== 'user' && buffer !== 'assistant') {
          return {
            error: `(line ${line}): message role must be one of "system", "user", or "assistant"`,
          };
        }
        role = buffer;
      } else if (state === 'value') {
        const [value, ok] = unquote(trimSpace(buffer));
        if (!ok || isSpace(rune)) {
          buffer += String.fromCodePoint(rune);
          continue;
        }
        commands.push([name, role ? `${role}: ${value}` : value]);
        role = '';
      }
      buffer = '';
      state = next;
    }
    if (rune !== 0 && isPrint(rune)) buffer += String.fromCodePoint(rune);
  }
  if (state === 'value') {
    const [value, ok] = unquote(trimSpace(buffer));
    if (!ok) return { error: 'unexpected EOF' };
    commands.push([name, role ? `${role}: ${value}` : value]);
  } else if (state !== 'nil' && state !== 'comment') {
    return { error: 'unexpected EOF' };
  }
  if (!commands.some(([commandName]) => commandName === 'model')) return { error: 'no FROM line' };
  return { commands };
}
