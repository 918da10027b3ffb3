const simpleEscapes: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
  '"': 34,
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Go's `strconv.Unquote` for a double-quoted string (what `%#v` and `%q` print), or undefined
 * when it is not one. `\x` and octal escapes are bytes, so they are collected as UTF-8.
 */
export function unquoteGoString(quoted: string): string | undefined {
  if (quoted.length < 2 || !quoted.startsWith('"') || !quoted.endsWith('"')) return undefined;
  const body = quoted.slice(1, -1);
  const bytes: number[] = [];
  let index = 0;
  while (index < body.length) {
    const character = body[index]!;
    if (character === '"' || character === '\n') return undefined;
    if (character !== '\\') {
      const codePoint = body.codePointAt(index)!;
      const width = codePoint > 0xffff ? 2 : 1;
      bytes.push(...encoder.encode(body.slice(index, index + width)));
      index += width;
      continue;
    }
    const kind = body[index + 1];
    if (kind === undefined) return undefined;
    if (kind in simpleEscapes) {
      bytes.push(simpleEscapes[kind]!);
      index += 2;
      continue;
    }
    const hexLength = kind === 'x' ? 2 : kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
    if (hexLength > 0) {
      const digits = body.slice(index + 2, index + 2 + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) return undefined;
      const value = Number.parseInt(digits, 16);
      if (kind === 'x') bytes.push(value);
      else if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
      else bytes.push(...encoder.encode(String.fromCodePoint(value)));
      index += 2 + hexLength;
      continue;
    }
    const octal = body.slice(index + 1, index + 4);
    if (/^[0-7]{3}$/.test(octal)) {
      const value = Number.parseInt(octal, 8);
      if (value > 255) return undefined;
      bytes.push(value);
      index += 4;
      continue;
    }
    return undefined;
  }
  return decoder.decode(new Uint8Array(bytes));
}
