/**
 * An error that becomes Ollama's `{"error": message}` body with the given HTTP status.
 * Route handlers throw it; the app's error handler writes it (or, mid-stream, writes it as the
 * last NDJSON line, as Ollama does: ollama-api.md §1).
 */
export class OllamaHttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'OllamaHttpError';
    this.status = status;
  }
}

/** Go's `%q` for a plain string (close enough: JSON escapes match Go's for printable text). */
export function goQuote(value: string): string {
  return JSON.stringify(value);
}
