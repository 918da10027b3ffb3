/** CPU time counters of one line of /proc/stat, in clock ticks. */
export interface CpuTimes {
  busy: number;
  total: number;
}

export interface ProcStat {
  total: CpuTimes;
  perCore: CpuTimes[];
}

/**
 * Parses /proc/stat's `cpu` lines (user nice system idle iowait irq softirq steal guest guest_nice).
 * Idle time is idle + iowait; guest time is already counted in user, so it is left out of the total.
 */
export function parseProcStat(text: string): ProcStat {
  let total: CpuTimes | undefined;
  const perCore: CpuTimes[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('cpu')) continue;
    const [label, ...fields] = line.trim().split(/\s+/);
    const values = fields.slice(0, 8).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
      values;
    const idleAll = idle + iowait;
    const sum = user + nice + system + idleAll + irq + softirq + steal;
    const times = { busy: sum - idleAll, total: sum };
    if (label === 'cpu') total = times;
    else perCore.push(times);
  }
  if (!total) throw new Error('no "cpu" line in /proc/stat');
  return { total, perCore };
}

/** Busy share between two readings, 0..100. */
export function busyPercent(previous: CpuTimes, current: CpuTimes): number {
  const total = current.total - previous.total;
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, ((current.busy - previous.busy) / total) * 100));
}
