/** One row of `ps -axo pid=,ppid=,pcpu=,rss=,args=` (macOS, BSD, Linux procps). */
export interface PsRow {
  pid: number;
  parentPid: number;
  cpuPercent: number;
  rssBytes: number;
  args: string;
}

export const psArguments = ['-axo', 'pid=,ppid=,pcpu=,rss=,args='];

/** Parses `ps` output; RSS is in KiB there. Lines that do not match are skipped. */
export function parsePsOutput(text: string): PsRow[] {
  const rows: PsRow[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+([\d.]+)\s+(\d+)\s+(.+)$/.exec(line);
    if (!match) continue;
    rows.push({
      pid: Number(match[1]),
      parentPid: Number(match[2]),
      cpuPercent: Number(match[3]),
      rssBytes: Number(match[4]) * 1024,
      args: (match[5] ?? '').trim(),
    });
  }
  return rows;
}
