import type { SyntaxErrorReason } from '../scan';
import { ModelfileError } from './modelfile-error';

const marker = Symbol.for('ollamamon.error.modelfile-syntax');

/**
 * The text is not a Modelfile Ollama accepts. `message` says what and where in words (with a
 * did-you-mean where one helps); `ollamaMessage` is exactly what `ollama create` prints for the
 * same input, with Ollama's own line counting (every `\r` and `\n` counts, so CRLF files report
 * about twice the real line number).
 */
export class ModelfileSyntaxError extends ModelfileError {
  readonly [marker] = true;
  /** What kind of mistake it is. */
  readonly reason: SyntaxErrorReason;
  /** 1-based line of the offending character (real lines: CRLF counts once). */
  readonly line: number;
  /** 1-based column (code points) of the offending character. */
  readonly column: number;
  /** Offsets of the offending text in the decoded source. */
  readonly offset: number;
  readonly endOffset: number;
  /** Ollama's exact error text, e.g. `(line 3): command must be one of "from", …`. */
  readonly ollamaMessage: string;
  /** A suggested replacement for the offending word, when there is a close one. */
  readonly suggestion: string | undefined;

  constructor(options: {
    message: string;
    reason: SyntaxErrorReason;
    line: number;
    column: number;
    offset: number;
    endOffset: number;
    ollamaMessage: string;
    suggestion?: string | undefined;
  }) {
    super(options.message);
    this.name = 'ModelfileSyntaxError';
    this.reason = options.reason;
    this.line = options.line;
    this.column = options.column;
    this.offset = options.offset;
    this.endOffset = options.endOffset;
    this.ollamaMessage = options.ollamaMessage;
    this.suggestion = options.suggestion;
  }

  static override isInstance(value: unknown): value is ModelfileSyntaxError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
