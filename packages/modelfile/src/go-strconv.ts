// Go's strconv parsers, as api.FormatParams calls them: ParseInt(s, 10, 64), ParseFloat(s, 32)
// and ParseBool. Each returns undefined where Go returns an error.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits, int64 range. */
export function parseGoInt(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  if (value < INT64_MIN || value > INT64_MAX) return undefined;
  return Number(value);
}

/** `strconv.ParseBool`. */
export function parseGoBool(text: string): boolean | undefined {
  switch (text) {
    case '1':
    case 't':
    case 'T':
    case 'true':
    case 'TRUE':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'false':
    case 'FALSE':
    case 'False':
      return false;
    default:
      return undefined;
  }
}

const decimalFloat = /^[+-]?(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;
const hexFloat = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;

/** Go's underscoreOK: `_` only between digits, or between a base prefix and a digit. */
function underscoresAllowed(text: string): boolean {
  let body = text;
  if (body.startsWith('+') || body.startsWith('-')) body = body.slice(1);
  let saw = '^';
  let index = 0;
  let hex = false;
  if (body.length >= 2 && body[0] === '0' && /[bBoOxX]/.test(body[1]!)) {
    index = 2;
    saw = '0';
    hex = body[1] === 'x' || body[1] === 'X';
  }
  for (; index < body.length; index++) {
    const character = body[index]!;
    if (/[0-9]/.test(character) || (hex && /[a-fA-F]/.test(character))) {
      saw = '0';
      continue;
    }
    if (character === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** Go's special(): "inf", "infinity" (optionally signed) and "nan", any letter case. */
function specialFloat(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower === 'nan') return Number.NaN;
  const unsigned = lower.replace(/^[+-]/, '');
  if (unsigned === 'inf' || unsigned === 'infinity') {
    return lower.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return undefined;
}

/**
 * `strconv.ParseFloat(s, 32)` then `float32(...)`. Returns the float32 value as the shortest
 * decimal that reads back to it (what Go's JSON encoder writes for a float32), or undefined on a
 * syntax error or when the value is out of float32 range.
 */
export function parseGoFloat32(text: string): number | undefined {
  const special = specialFloat(text);
  if (special !== undefined) return special;
  let value: number;
  const hex = hexFloat.exec(text);
  if (hex) {
    if (text.includes('_') && !underscoresAllowed(text)) return undefined;
    const integerDigits = hex[2]!.replaceAll('_', '');
    const fractionDigits = (hex[3] ?? '').replaceAll('_', '');
    if (integerDigits === '' && fractionDigits === '') return undefined;
    const mantissa = Number.parseInt(`${integerDigits}${fractionDigits}` || '0', 16);
    const exponent = Number(hex[4]!.replaceAll('_', '')) - 4 * fractionDigits.length;
    value = (hex[1] === '-' ? -1 : 1) * mantissa * 2 ** exponent;
  } else {
    if (!decimalFloat.test(text)) return undefined;
    if (text.includes('_') && !underscoresAllowed(text)) return undefined;
    const digits = text.replaceAll('_', '');
    if (!/[0-9]/.test(digits.replace(/[eE].*$/, ''))) return undefined;
    value = Number(digits);
  }
  const single = Math.fround(value);
  if (!Number.isFinite(single)) return undefined; // ErrRange
  return shortestFloat32(single);
}

/** The shortest decimal that rounds to the same float32. */
export function shortestFloat32(single: number): number {
  if (single === 0 || !Number.isFinite(single)) return single;
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(single.toPrecision(precision));
    if (Math.fround(candidate) === single) return candidate;
  }
  return single;
}
