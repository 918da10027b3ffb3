/** Pages swapped in and out since boot, from /proc/vmstat (`pswpin`, `pswpout`). */
export interface SwapCounters {
  pagesIn: number;
  pagesOut: number;
}

export function parseVmstat(text: string): SwapCounters {
  let pagesIn = 0;
  let pagesOut = 0;
  for (const line of text.split('\n')) {
    const [key, value] = line.split(' ');
    if (key === 'pswpin') pagesIn = Number(value);
    else if (key === 'pswpout') pagesOut = Number(value);
  }
  return { pagesIn, pagesOut };
}
