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

let counter = 0;
let cachedSecond = -1;
let cachedPrefix = '';

/** `created_at` for a chunk: now, UTC, with a sub-millisecond part so it looks like Go's. */
export function createdAt(): string {
  // Never a multiple of 10, so the 9-digit fraction has no trailing zeros to trim.
  counter = (counter + 7919) % 999_999;
  if (counter % 10 === 0) counter++;
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  const ms = now % 1000;
  const msText = ms >= 100 ? String(ms) : ms >= 10 ? `0${ms}` : `00${ms}`;
  return `${cachedPrefix}.${msText}${String(counter).padStart(6, '0')}Z`;
}
