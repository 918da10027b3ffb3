/**
 * Parse the `parameters` text of a show response (`key<spaces>value` per line, the value in Go
 * `%#v` syntax: quoted strings, numbers, bools; a repeated key such as `stop` is a list) into
 * the `parameters` map a create request takes (ollama-api.md §5 POST /api/show).
 */
export function parseParameters(text: string | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of (text ?? '').split('\n')) {
    const match = /^(\S+)\s+(.*)$/.exec(line.trim());
    if (!match) continue;
    const [, key, raw] = match as unknown as [string, string, string];
    let value: unknown = raw;
    if (raw.startsWith('"')) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw.slice(1, -1);
      }
    } else if (raw === 'true' || raw === 'false') value = raw === 'true';
    else if (raw !== '' && !Number.isNaN(Number(raw))) value = Number(raw);
    if (key === 'stop') {
      const list = (out.stop as unknown[] | undefined) ?? [];
      list.push(value);
      out.stop = list;
    } else {
      out[key] = value;
    }
  }
  return out;
}
