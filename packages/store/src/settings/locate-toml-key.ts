/**
 * Find the line (1-based) where a key path is written in a TOML text, e.g.
 * `['profiles', 'work', 'hosts', 1, 'url']` in
 * `[[profiles.work.hosts]]` (second one) / `url = "…"`. Returns the line of the longest written
 * prefix of the path (a table header, or an inline value) when the exact key is not written,
 * and undefined when nothing matches. A line scanner, good for files people write by hand.
 */
export function locateTomlKey(
  text: string,
  path: readonly (string | number)[],
): number | undefined {
  const wanted = path.map(String);
  const arrayCounts = new Map<string, number>();
  let table: string[] = [];
  let best: { line: number; length: number } | undefined;
  let inMultiline: string | undefined;

  const consider = (candidate: string[], line: number) => {
    let length = 0;
    while (
      length < candidate.length &&
      length < wanted.length &&
      candidate[length] === wanted[length]
    ) {
      length += 1;
    }
    if (length < candidate.length) return; // the candidate is not on the path
    if (best === undefined || length > best.length) best = { line, length };
  };

  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (inMultiline !== undefined) {
      if (line.includes(inMultiline)) inMultiline = undefined;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const arrayHeader = /^\[\[(.+?)\]\]/.exec(line);
    const tableHeader = arrayHeader ? undefined : /^\[(.+?)\]/.exec(line);
    if (arrayHeader?.[1] !== undefined) {
      const keys = splitKey(arrayHeader[1]);
      const name = keys.join('\u0000');
      const count = arrayCounts.get(name) ?? 0;
      arrayCounts.set(name, count + 1);
      // Nested arrays of tables restart when their parent changes; good enough for hand-written files.
      for (const other of arrayCounts.keys()) {
        if (other !== name && other.startsWith(`${name}\u0000`)) arrayCounts.delete(other);
      }
      table = [...keys, String(count)];
      consider(table, index + 1);
      continue;
    }
    if (tableHeader?.[1] !== undefined) {
      table = splitKey(tableHeader[1]);
      consider(table, index + 1);
      continue;
    }
    const assignment = /^((?:"[^"]*"|'[^']*'|[^=])+?)\s*=\s*(.*)$/.exec(line);
    if (assignment?.[1] !== undefined) {
      consider([...table, ...splitKey(assignment[1])], index + 1);
      const value = assignment[2] ?? '';
      for (const fence of ['"""', "'''"]) {
        if (value.startsWith(fence) && !value.slice(3).includes(fence)) inMultiline = fence;
      }
    }
  }
  return best?.line;
}

/** `a."b.c".d` → `['a', 'b.c', 'd']`. */
function splitKey(key: string): string[] {
  const parts: string[] = [];
  for (const match of key.matchAll(/\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^.\s]+))\s*(?:\.|$)/g)) {
    parts.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return parts;
}
