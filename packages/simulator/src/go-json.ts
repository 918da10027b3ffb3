import { OllamaHttpError } from './http-error.js';

/** Go's `quoteChar` from encoding/json's scanner. */
function quoteChar(char: string): string {
  if (char === "'") return "'\\''";
  if (char === '"') return "'\"'";
  const quoted = JSON.stringify(char);
  return `'${quoted.slice(1, -1)}'`;
}

class SyntaxFailure extends Error {}

/**
 * Checks JSON syntax the way Go's decoder reports it, returning Go's message for the first
 * problem (ollama-api.md §1: `invalid character 'x' looking for beginning of value`,
 * `unexpected EOF`). Only the first top-level value is read, as `json.Decoder.Decode` does.
 */
export function goSyntaxError(text: string): string | undefined {
  let position = 0;
  const fail = (message: string): never => {
    throw new SyntaxFailure(message);
  };
  const peek = (): string | undefined => text[position];
  const skipSpace = (): void => {
    while (position < text.length && ' \t\r\n'.includes(text[position] as string)) position++;
  };
  const next = (): string => {
    const char = text[position];
    if (char === undefined) fail('unexpected EOF');
    position++;
    return char as string;
  };
  const literal = (word: string): void => {
    for (let index = 1; index < word.length; index++) {
      const char = next();
      if (char !== word[index]) {
        fail(
          `invalid character ${quoteChar(char)} in literal ${word} (expecting ${quoteChar(word[index] as string)})`,
        );
      }
    }
  };
  const string = (): void => {
    for (;;) {
      const char = next();
      if (char === '"') return;
      if (char === '\\') {
        const escaped = next();
        if ('"\\/bfnrt'.includes(escaped)) continue;
        if (escaped === 'u') {
          for (let index = 0; index < 4; index++) {
            const hex = next();
            if (!/[0-9a-fA-F]/.test(hex))
              fail(`invalid character ${quoteChar(hex)} in \\u hexadecimal character escape`);
          }
          continue;
        }
        fail(`invalid character ${quoteChar(escaped)} in string escape code`);
      }
      if (char < ' ') fail(`invalid character ${quoteChar(char)} in string literal`);
    }
  };
  const digits = (): void => {
    while (/[0-9]/.test(peek() ?? '')) position++;
  };
  const number = (first: string): void => {
    if (first === '-') {
      const char = next();
      if (!/[0-9]/.test(char)) fail(`invalid character ${quoteChar(char)} in numeric literal`);
      first = char;
    }
    if (first !== '0') digits();
    if (peek() === '.') {
      position++;
      const char = next();
      if (!/[0-9]/.test(char))
        fail(`invalid character ${quoteChar(char)} after decimal point in numeric literal`);
      digits();
    }
    if (peek() === 'e' || peek() === 'E') {
      position++;
      let char = next();
      if (char === '+' || char === '-') char = next();
      if (!/[0-9]/.test(char))
        fail(`invalid character ${quoteChar(char)} in exponent of numeric literal`);
      digits();
    }
  };
  const value = (): void => {
    skipSpace();
    const char = next();
    if (char === '{') object();
    else if (char === '[') array();
    else if (char === '"') string();
    else if (char === '-' || /[0-9]/.test(char)) number(char);
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else fail(`invalid character ${quoteChar(char)} looking for beginning of value`);
  };
  const object = (): void => {
    skipSpace();
    if (peek() === '}') {
      position++;
      return;
    }
    for (;;) {
      skipSpace();
      const char = next();
      if (char !== '"')
        fail(`invalid character ${quoteChar(char)} looking for beginning of object key string`);
      string();
      skipSpace();
      const colon = next();
      if (colon !== ':') fail(`invalid character ${quoteChar(colon)} after object key`);
      value();
      skipSpace();
      const after = next();
      if (after === '}') return;
      if (after !== ',') fail(`invalid character ${quoteChar(after)} after object key:value pair`);
    }
  };
  const array = (): void => {
    skipSpace();
    if (peek() === ']') {
      position++;
      return;
    }
    for (;;) {
      value();
      skipSpace();
      const after = next();
      if (after === ']') return;
      if (after !== ',') fail(`invalid character ${quoteChar(after)} after array element`);
    }
  };
  try {
    value();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxFailure) return error.message;
    throw error;
  }
}

/** The Go type a request field decodes into, for `cannot unmarshal` messages. */
export type GoFieldType =
  | 'string'
  | 'bool'
  | 'int'
  | 'float64'
  | `map[string]${string}`
  | 'json.RawMessage'
  | 'any'
  | `[]${string}`
  | `*${string}`
  | `api.${string}`;

function jsonKind(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

function matches(type: GoFieldType, value: unknown): boolean {
  if (value === null) return true;
  const base = type.startsWith('*') ? type.slice(1) : type;
  switch (base) {
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float64':
      return typeof value === 'number';
    case 'map[string]interface {}':
    case 'map[string]string':
      return typeof value === 'object' && !Array.isArray(value);
    case 'json.RawMessage':
    case 'any':
      return true;
    default:
      if (base.startsWith('[]')) return Array.isArray(value);
      return true;
  }
}

/**
 * Decodes a request body as gin's `ShouldBindJSON` + Ollama do: empty → `missing request body`,
 * bad syntax → Go's scanner message, a wrong field type → `json: cannot unmarshal ...`.
 * All errors are 400.
 */
export function decodeRequestBody(
  text: string,
  structName: string,
  fields: Record<string, GoFieldType>,
): Record<string, unknown> {
  if (text.trim() === '') throw new OllamaHttpError(400, 'missing request body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const syntax = goSyntaxError(text);
    if (syntax !== undefined) throw new OllamaHttpError(400, syntax);
    // Trailing data after the first value is ignored by json.Decoder.
    parsed = JSON.parse(firstValue(text));
  }
  if (parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new OllamaHttpError(
      400,
      `json: cannot unmarshal ${jsonKind(parsed)} into Go value of type api.${structName}`,
    );
  }
  const body = parsed as Record<string, unknown>;
  for (const [key, type] of Object.entries(fields)) {
    const value = body[key];
    if (value === undefined || matches(type, value)) continue;
    const kind =
      typeof value === 'number' && (type === 'int' || type === '*int')
        ? `number ${value}`
        : jsonKind(value);
    throw new OllamaHttpError(
      400,
      `json: cannot unmarshal ${kind} into Go struct field ${structName}.${key} of type ${type.replace(/^\*/, '')}`,
    );
  }
  return body;
}

function firstValue(text: string): string {
  for (let end = text.length - 1; end > 0; end--) {
    try {
      JSON.parse(text.slice(0, end));
      return text.slice(0, end);
    } catch {
      // keep shrinking
    }
  }
  return 'null';
}
