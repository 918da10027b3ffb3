/**
 * Formats a duration for people: `850 ms`, `4.2 s`, `3m 05s`, `2h 10m`.
 * @example formatDuration(185_000) // '3m 05s'
 */
export function formatDuration(milliseconds: number | undefined): string {
  if (milliseconds === undefined || !Number.isFinite(milliseconds) || milliseconds < 0) return '-';
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const wholeSeconds = Math.round(seconds);
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes < 60) return `${minutes}m ${String(wholeSeconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** A rate such as bytes per second or tokens per second, `undefined` when unknown. */
export function formatRate(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${unit}`;
}
