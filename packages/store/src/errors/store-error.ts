const ollamamonMarker = Symbol.for('ollamamon.error');
const storeMarker = Symbol.for('ollamamon.store.error');

/**
 * Base class of every error @ollamamon/store throws. Recognised across duplicated installs by a
 * `Symbol.for` marker (the same marker `OllamamonError` of @ollamamon/client uses), so
 * `OllamamonError.isInstance(error)` is true for store errors too.
 */
export class StoreError extends Error {
  readonly [ollamamonMarker] = true;
  readonly [storeMarker] = true;
  override name = 'StoreError';

  static isInstance(value: unknown): value is StoreError {
    return typeof value === 'object' && value !== null && storeMarker in value;
  }
}
