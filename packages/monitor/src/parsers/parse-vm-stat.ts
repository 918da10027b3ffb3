/** What macOS `vm_stat` says, in pages, with its page size. */
export interface VmStat {
  pageSizeBytes: number;
  pages: Map<string, number>;
}

/** Parses macOS `vm_stat` (`Pages free:  24153.` lines; page size from the header). */
export function parseVmStat(text: string): VmStat {
  const pageSizeBytes = Number(/page size of (\d+) bytes/.exec(text)?.[1] ?? 4096);
  const pages = new Map<string, number>();
  for (const match of text.matchAll(/^"?([^":\n]+)"?:\s+(\d+)\.?$/gm)) {
    if (match[1] && match[2]) pages.set(match[1].trim(), Number(match[2]));
  }
  return { pageSizeBytes, pages };
}

/** Parses `sysctl -n vm.swapusage` (`total = 2048.00M  used = 1095.25M  free = 952.75M`) into bytes. */
export function parseSwapUsage(text: string): { totalBytes: number; usedBytes: number } {
  const read = (field: string) => {
    const match = new RegExp(`${field} = ([\\d.]+)([KMGT])`).exec(text);
    if (!match?.[1] || !match[2]) return 0;
    return Number(match[1]) * 1024 ** ' KMGT'.indexOf(match[2]);
  };
  return { totalBytes: read('total'), usedBytes: read('used') };
}
