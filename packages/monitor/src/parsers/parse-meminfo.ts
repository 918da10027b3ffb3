/** Parses /proc/meminfo into bytes per key (`MemTotal`, `MemAvailable`, `SwapFree`, ...). */
export function parseMeminfo(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([\w()]+):\s+(\d+)(?:\s+kB)?/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const unitBytes = line.trimEnd().endsWith('kB') ? 1024 : 1;
    values.set(match[1], Number(match[2]) * unitBytes);
  }
  return values;
}
