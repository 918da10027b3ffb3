import type { CommandLike } from '../types';
import { ModelfileError } from './modelfile-error';

const marker = Symbol.for('ollamamon.error.create-request');

/** Why a Modelfile cannot become an `/api/create` body. */
export type CreateRequestErrorCode =
  | 'unknown-parameter'
  | 'invalid-parameter-value'
  | 'invalid-requires'
  | 'file-not-found'
  | 'draft-same-as-from'
  | 'no-file-resolver'
  | 'unsupported-value';

/**
 * `toCreateRequest` refused a command, as `ollama create` would. `ollamaMessage` is Ollama's
 * text (`unknown parameter 'x'`, `invalid int value [4k]`, ...); `message` adds where and why.
 */
export class CreateRequestError extends ModelfileError {
  readonly [marker] = true;
  readonly code: CreateRequestErrorCode;
  readonly ollamaMessage: string;
  /** The command that failed (with source positions when it came from `parseModelfile`). */
  readonly command: CommandLike;

  constructor(options: {
    code: CreateRequestErrorCode;
    message: string;
    ollamaMessage: string;
    command: CommandLike;
  }) {
    super(options.message);
    this.name = 'CreateRequestError';
    this.code = options.code;
    this.ollamaMessage = options.ollamaMessage;
    this.command = options.command;
  }

  static override isInstance(value: unknown): value is CreateRequestError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
