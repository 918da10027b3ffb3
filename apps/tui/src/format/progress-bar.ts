/** A text progress bar `█████░░░░░` of `width` cells. */
export function progressBar(fraction: number, width: number): { done: string; remaining: string } {
  const cells = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return { done: '█'.repeat(cells), remaining: '░'.repeat(width - cells) };
}
