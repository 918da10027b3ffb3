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

/** `created_at` for a chunk: now, UTC, with a sub-millisecond part so it looks like Go's. */
export function createdAt(): string {
  counter = (counter + 7919) % 1_000_000;
  return goTime(new Date(), { utc: true, nanos: counter });
}
