const marker = Symbol.for('ollamamon.error');

/**
 * Base class of every error @ollamamon/client throws on purpose. Recognised across duplicated
 * installs of the package by a `Symbol.for` marker: use `OllamamonError.isInstance(error)`
 * rather than `instanceof`.
 */
export class OllamamonError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OllamamonError';
  }

  static isInstance(value: unknown): value is OllamamonError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
