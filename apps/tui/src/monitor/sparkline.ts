const bars = '▁▂▃▄▅▆▇█';

/**
 * The last `width` values as a sparkline. `max` fixes the scale (100 for percentages); otherwise the
 * series' own range is used, with a flat series drawn at the bottom.
 */
export const sparkline = (
  values: readonly number[],
  width: number,
  scale: { min?: number; max?: number } = {},
): string => {
  const shown = values.slice(-Math.max(0, width));
  if (shown.length === 0) return '';
  const min = scale.min ?? Math.min(...shown);
  const max = scale.max ?? Math.max(...shown);
  const span = max - min;
  return shown
    .map((value) => {
      if (!Number.isFinite(value)) return ' ';
      const level = span <= 0 ? 0 : Math.round(((value - min) / span) * (bars.length - 1));
      return bars[Math.min(bars.length - 1, Math.max(0, level))];
    })
    .join('');
};
