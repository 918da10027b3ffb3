// Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
// Decided once per BMP code point through a Unicode property regex, then cached.
// (The engine's Unicode version may be newer than Go's: a character assigned only in the newer
// version is kept here and dropped by Ollama. No real Modelfile is known to hit this.)
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const bmp = new Uint8Array(0x10000); // 0 unknown, 1 printable, 2 not printable

/** Whether Ollama keeps code point `codePoint` (Go `strconv.IsPrint`). */
export function isPrintable(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x20 && codePoint < 0x7f;
  if (codePoint <= 0xff) return codePoint >= 0xa1 && codePoint !== 0xad;
  if (codePoint < 0x10000) {
    let known = bmp[codePoint]!;
    if (known === 0) {
      // A lone surrogate cannot reach Go (its decoder gives U+FFFD, which is printable).
      const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
      known = isSurrogate || printable.test(String.fromCharCode(codePoint)) ? 1 : 2;
      bmp[codePoint] = known;
    }
    return known === 1;
  }
  return printable.test(String.fromCodePoint(codePoint));
}
