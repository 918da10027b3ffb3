const marker = Symbol.for('ollamamon.error');

/** A monitor option or fit-estimate input that is out of range. `option` names it. */
export class MonitorOptionError extends Error {
  readonly [marker] = true;
  override readonly name = 'MonitorOptionError';
  readonly option: string;

  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.option = option;
  }

  static isInstance(value: unknown): value is MonitorOptionError {
    return (
      typeof value === 'object' &&
      value !== null &&
      marker in value &&
      (value as { name?: unknown }).name === 'MonitorOptionError'
    );
  }
}
