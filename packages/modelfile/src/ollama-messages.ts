// Error texts exactly as Ollama's parser/parser.go and api.FormatParams produce them.

export const INVALID_COMMAND =
  'command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"';
export const INVALID_MESSAGE_ROLE = 'message role must be one of "system", "user", or "assistant"';
export const UNEXPECTED_EOF = 'unexpected EOF';
export const MISSING_FROM = 'no FROM line';

/** `(line N): msg`, Ollama's `ParserError`. */
export function lineError(goLine: number, message: string): string {
  return `(line ${goLine}): ${message}`;
}
