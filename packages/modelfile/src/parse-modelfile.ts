import { decodeSource } from './decode-source';
import { createLineIndex } from './line-index';
import { MISSING_FROM } from './ollama-messages';
import { scan } from './scan';
import { toSyntaxError } from './to-syntax-error';
import type { Modelfile } from './types';

/**
 * Parses a Modelfile exactly as Ollama's `parser.ParseFile` does: `commands` is Ollama's flat
 * list of `{ name, args }` (FROM is `model`, a PARAMETER is its own name, MESSAGE args are
 * `role: content`), each with its source positions.
 *
 * Bytes are decoded as Ollama does: a UTF-8 BOM is dropped, a UTF-16 BOM switches to UTF-16.
 *
 * @throws {ModelfileSyntaxError} when Ollama would reject the file; `ollamaMessage` is Ollama's text.
 * @example
 * const modelfile = parseModelfile('FROM llama3.2\nPARAMETER temperature 0.2\n');
 * modelfile.commands.map(({ name, args }) => [name, args]);
 * // [['model', 'llama3.2'], ['temperature', '0.2']]
 */
export function parseModelfile(input: string | Uint8Array): Modelfile {
  const { text, bom, encoding } = decodeSource(input);
  const result = scan(text, false);
  const failure = result.failures[0];
  if (failure !== undefined) throw toSyntaxError(failure, text, createLineIndex(text));
  if (!result.commands.some((command) => command.name === 'model')) {
    const missing = {
      reason: 'missing-from' as const,
      ollamaMessage: MISSING_FROM,
      offset: 0,
      endOffset: 0,
      commandStart: 0,
      segmentEnd: 0,
      word: '',
    };
    throw toSyntaxError(missing, text, createLineIndex(text));
  }
  return { commands: result.commands, source: text, bom, encoding, trailing: result.trailing };
}
