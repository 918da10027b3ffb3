/**
 * Turn what a user typed into a safe FTS5 query: every word (or "quoted phrase") must match,
 * a trailing `*` asks for a prefix match. FTS5 operators typed by the user are treated as words,
 * so no input can raise an FTS5 syntax error. Returns undefined when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | undefined {
  const terms: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      if (/[\p{L}\p{N}]/u.test(phrase)) terms.push(quote(phrase));
      continue;
    }
    if (word === undefined) continue;
    const prefix = word.endsWith('*');
    const bare = prefix ? word.slice(0, -1) : word;
    if (!/[\p{L}\p{N}]/u.test(bare)) continue;
    terms.push(prefix ? `${quote(bare)}*` : quote(bare));
  }
  return terms.length === 0 ? undefined : terms.join(' ');
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
