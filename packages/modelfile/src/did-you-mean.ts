/** Optimal string alignment distance (Levenshtein plus adjacent swaps). */
export function editDistance(left: string, right: string): number {
  const rows = left.length + 1;
  const columns = right.length + 1;
  const table: number[][] = [];
  for (let row = 0; row < rows; row++) {
    const cells = new Array<number>(columns).fill(0);
    cells[0] = row;
    table.push(cells);
  }
  for (let column = 0; column < columns; column++) table[0]![column] = column;
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let best = Math.min(
        table[row - 1]![column]! + 1,
        table[row]![column - 1]! + 1,
        table[row - 1]![column - 1]! + cost,
      );
      if (
        row > 1 &&
        column > 1 &&
        left[row - 1] === right[column - 2] &&
        left[row - 2] === right[column - 1]
      ) {
        best = Math.min(best, table[row - 2]![column - 2]! + 1);
      }
      table[row]![column] = best;
    }
  }
  return table[rows - 1]![columns - 1]!;
}

/**
 * The candidate closest to `word` (compared case-insensitively, `-` and `.` read as `_`),
 * or undefined when none is close enough to be a likely typo.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const wanted = word.toLowerCase().replace(/[-.]/g, '_');
  if (wanted.length === 0) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = wanted.length <= 3 ? 1 : wanted.length <= 6 ? 2 : 3;
  return bestDistance <= limit ? best : undefined;
}
