/**
 * Ollama's `quote`: a value with a line break, or a leading or trailing space (not a tab), is
 * wrapped in `"""…"""` when it contains `"`, otherwise in `"…"`. Anything else is written as is.
 */
export function quoteValue(value: string): string {
  if (value.includes('\n') || value.startsWith(' ') || value.endsWith(' ')) {
    return value.includes('"') ? `"""${value}"""` : `"${value}"`;
  }
  return value;
}
