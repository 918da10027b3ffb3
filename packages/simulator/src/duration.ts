import { goQuote, OllamaHttpError } from './http-error.js';

/** A keep-alive: milliseconds, or `Infinity` for "forever" (any negative value). */
export type KeepAliveMs = number;

const unitMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Go's `time.ParseDuration`, in milliseconds. Throws Go's error texts
 * (`time: missing unit in duration "5"`, `time: invalid duration "x"`).
 */
export function parseGoDuration(input: string): number {
  const invalid = (): never => {
    throw new OllamaHttpError(400, `time: invalid duration ${goQuote(input)}`);
  };
  let rest = input;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') invalid();
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(rest);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2] ?? '';
    if (whole === '' && (fraction === '' || fraction === '.')) invalid();
    rest = rest.slice(whole.length + fraction.length);
    const unit = /^[^\d.]+/.exec(rest)?.[0];
    if (unit === undefined) {
      throw new OllamaHttpError(400, `time: missing unit in duration ${goQuote(input)}`);
    }
    const scale = unitMs[unit];
    if (scale === undefined) {
      throw new OllamaHttpError(
        400,
        `time: unknown unit ${goQuote(unit)} in duration ${goQuote(input)}`,
      );
    }
    rest = rest.slice(unit.length);
    total += Number(`${whole || '0'}${fraction === '.' ? '' : fraction}`) * scale;
  }
  return sign * total;
}

/**
 * `api.Duration.UnmarshalJSON` for `keep_alive` (ollama-api.md §4): a number is seconds, a
 * string a Go duration; negative means forever. `undefined` means "use the server default".
 */
export function parseKeepAlive(value: unknown): KeepAliveMs | undefined {
  if (value === undefined || value === null) return undefined;
  let ms: number;
  if (typeof value === 'number') ms = value * 1000;
  else if (typeof value === 'string') ms = parseGoDuration(value);
  else {
    const goType =
      typeof value === 'boolean'
        ? 'bool'
        : Array.isArray(value)
          ? '[]interface {}'
          : 'map[string]interface {}';
    throw new OllamaHttpError(400, `Unsupported type: '${goType}'`);
  }
  return ms < 0 ? Number.POSITIVE_INFINITY : ms;
}

/** The simulator's own `defaultKeepAlive` option: same syntax, but a bad value is a TypeError. */
export function keepAliveOption(value: string | number | undefined): KeepAliveMs {
  if (value === undefined) return 5 * 60_000;
  try {
    return parseKeepAlive(value) ?? 5 * 60_000;
  } catch (error) {
    throw new TypeError(
      `startSimulator: defaultKeepAlive ${JSON.stringify(value)} is not a Go duration or a number of seconds (${(error as Error).message})`,
    );
  }
}
