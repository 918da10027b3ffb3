const marker = Symbol.for('ollamamon.error');
const ownMarker = Symbol.for('ollamamon.error.modelfile');

/**
 * Base class of every error @ollamamon/modelfile throws on purpose. It carries the same
 * `Symbol.for('ollamamon.error')` marker as `OllamamonError` in @ollamamon/client, so
 * `OllamamonError.isInstance(error)` recognises it too. Use `isInstance`, not `instanceof`.
 */
export class ModelfileError extends Error {
  readonly [marker] = true;
  readonly [ownMarker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelfileError';
  }

  static isInstance(value: unknown): value is ModelfileError {
    return typeof value === 'object' && value !== null && ownMarker in value;
  }
}
