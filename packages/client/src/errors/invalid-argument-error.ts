import { OllamamonError } from './ollamamon-error';

const marker = Symbol.for('ollamamon.error.invalid-argument');

/** A caller passed something unusable (an empty model name, an unknown host in a fleet, ...). */
export class InvalidArgumentError extends OllamamonError {
  readonly [marker] = true;
  /** Name of the argument or option that was wrong. */
  readonly argument: string;

  constructor(options: { argument: string; message: string }) {
    super(`${options.argument}: ${options.message}`);
    this.name = 'InvalidArgumentError';
    this.argument = options.argument;
  }

  static override isInstance(value: unknown): value is InvalidArgumentError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
