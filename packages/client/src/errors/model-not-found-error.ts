import { OllamaResponseError } from './ollama-response-error';

const marker = Symbol.for('ollamamon.error.model-not-found');

/**
 * The host does not have the model (Ollama's 404 `model '<name>' not found` and its variants).
 * A subclass of {@link OllamaResponseError}, so `status` and `error` are there too.
 */
export class ModelNotFoundError extends OllamaResponseError {
  readonly [marker] = true;
  /** The model name as the request gave it. */
  readonly model: string;

  constructor(options: {
    host: string;
    status: number;
    error: string;
    path: string;
    model: string;
    inStream?: boolean;
  }) {
    super(options);
    this.name = 'ModelNotFoundError';
    this.model = options.model;
    this.message = `Model "${options.model}" is not on ${options.host} (${options.error}). Pull it first, or check the name.`;
  }

  static override isInstance(value: unknown): value is ModelNotFoundError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
