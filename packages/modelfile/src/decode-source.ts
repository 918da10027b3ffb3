/** Decoded Modelfile text and how it was read. */
export interface DecodedSource {
  text: string;
  bom: boolean;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/**
 * Turns the input into text the way Ollama's reader does (`unicode.BOMOverride` over a UTF-8
 * decoder): a UTF-8 BOM is dropped, a UTF-16 LE/BE BOM switches to UTF-16, anything else is
 * UTF-8 where every invalid byte becomes one U+FFFD (Go's rule, not the WHATWG one).
 * A string input only loses a leading U+FEFF.
 */
export function decodeSource(input: string | Uint8Array): DecodedSource {
  if (typeof input === 'string') {
    const bom = input.charCodeAt(0) === 0xfeff;
    return { text: bom ? input.slice(1) : input, bom, encoding: 'utf-8' };
  }
  const bytes = input;
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), 'utf-16be'), bom: true, encoding: 'utf-16be' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), 'utf-16le'), bom: true, encoding: 'utf-16le' };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: decodeUtf8(bom ? bytes.subarray(3) : bytes), bom, encoding: 'utf-8' };
}

function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeUtf8GoStyle(bytes);
  }
}

/** Go's `utf8.DecodeRune` loop: a bad or truncated sequence yields U+FFFD and skips one byte. */
function decodeUtf8GoStyle(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes: number[] = [];
  const flush = () => {
    parts.push(String.fromCodePoint(...codes));
    codes.length = 0;
  };
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    let size = 0;
    let low = 0x80;
    let high = 0xbf;
    let codePoint = 0;
    if (lead < 0x80) {
      size = 1;
      codePoint = lead;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      size = 2;
      codePoint = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      size = 3;
      codePoint = lead & 0x0f;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      size = 4;
      codePoint = lead & 0x07;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    }
    let valid = size > 0 && index + size <= bytes.length;
    for (let k = 1; valid && k < size; k++) {
      const next = bytes[index + k]!;
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next < min || next > max) valid = false;
      else codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (valid) {
      codes.push(codePoint);
      index += size;
    } else {
      codes.push(0xfffd);
      index += 1;
    }
    if (codes.length >= 4096) flush();
  }
  flush();
  return parts.join('');
}
