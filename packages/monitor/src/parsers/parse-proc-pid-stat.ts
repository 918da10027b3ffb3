/** The fields of /proc/<pid>/stat the monitor uses. */
export interface PidStat {
  pid: number;
  comm: string;
  parentPid: number;
  /** utime + stime, clock ticks. */
  cpuTicks: number;
  rssPages: number;
}

/** Parses /proc/<pid>/stat. `comm` may hold spaces and parentheses, so fields are read after the last `)`. */
export function parsePidStat(text: string): PidStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error('malformed /proc/<pid>/stat');
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // fields[0] is field 3 (state); utime is field 14, stime 15, rss 24.
  const field = (number: number) => Number(fields[number - 3] ?? 0);
  return {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    parentPid: field(4),
    cpuTicks: field(14) + field(15),
    rssPages: field(24),
  };
}
