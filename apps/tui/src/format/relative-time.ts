const steps = [
  { limitSeconds: 60, divisorSeconds: 1, unit: 's' },
  { limitSeconds: 3600, divisorSeconds: 60, unit: 'm' },
  { limitSeconds: 86_400, divisorSeconds: 3600, unit: 'h' },
  { limitSeconds: 86_400 * 30, divisorSeconds: 86_400, unit: 'd' },
  { limitSeconds: 86_400 * 365, divisorSeconds: 86_400 * 30, unit: 'mo' },
] as const;

/**
 * How long ago `time` was, compactly: `just now`, `5m ago`, `3d ago`, `2y ago`; future times read `in 4m`.
 * @example formatRelativeTime(Date.now() - 3_600_000) // '1h ago'
 */
export function formatRelativeTime(
  time: Date | number | string | undefined,
  now: number = Date.now(),
): string {
  if (time === undefined) return '-';
  const milliseconds = typeof time === 'number' ? time : new Date(time).getTime();
  if (!Number.isFinite(milliseconds)) return '-';
  const deltaSeconds = Math.round((now - milliseconds) / 1000);
  const absolute = Math.abs(deltaSeconds);
  if (absolute < 5) return 'just now';
  let text = `${Math.floor(absolute / (86_400 * 365))}y`;
  for (const step of steps) {
    if (absolute < step.limitSeconds) {
      text = `${Math.floor(absolute / step.divisorSeconds)}${step.unit}`;
      break;
    }
  }
  return deltaSeconds >= 0 ? `${text} ago` : `in ${text}`;
}
