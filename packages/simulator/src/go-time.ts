/**
 * Go's `time.Time` JSON form: RFC3339 with up to 9 fraction digits, trailing zeros dropped.
 * `utc` writes `Z` (created_at); otherwise the machine's local offset (modified_at, expires_at).
 */
export function goTime(date: Date, options: { utc?: boolean; nanos?: number } = {}): string {
  const ms = date.getTime();
  const offsetMinutes = options.utc ? 0 : -new Date(ms).getTimezoneOffset();
  const shifted = new Date(ms + offsetMinutes * 60_000);
  const base = shifted.toISOString().slice(0, 19);
  const subMs = Math.max(0, Math.min(999_999, Math.floor(options.nanos ?? 0)));
  const fraction =
    `${String(shifted.getUTCMilliseconds()).padStart(3, '0')}${String(subMs).padStart(6, '0')}`.replace(
      /0+$/,
      '',
    );
  let zone = 'Z';
  if (offsetMinutes !== 0) {
    const sign = offsetMinutes > 0 ? '+' : '-';
    const absolute = Math.abs(offsetMinutes);
    zone = `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
  }
  return `${base}${fraction ? `.${fraction}` : ''}${zone}`;
}

let counter = 100_001;
let cachedSecond = -1;
let cachedPrefix = '';
const millisText = Array.from({ length: 1000 }, (_, ms) => String(ms).padStart(3, '0'));

/**
 * `created_at` for a chunk: now, UTC, with 9 fraction digits like Go's. Called once per token,
 * so it avoids Date formatting: the seconds part is cached and the sub-millisecond digits are a
 * counter that is always 6 digits long and never ends in 0 (Go trims trailing zeros).
 */
export function createdAt(): string {
  counter += 7919;
  if (counter > 999_999) counter -= 899_998;
  if (counter % 10 === 0) counter++;
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  return `${cachedPrefix}.${millisText[now - second * 1000]}${counter}Z`;
}
