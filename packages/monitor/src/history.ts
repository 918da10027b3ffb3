/** One metric's recent values, oldest first. */
export interface Series {
  timesMs: number[];
  values: number[];
}

/** Bounded history: one fixed-size ring buffer per metric, and a bounded number of metrics. */
export interface History {
  record(metric: string, timeMs: number, value: number): void;
  series(metric: string): Series;
  metrics(): string[];
  clear(): void;
}

export interface HistoryOptions {
  /** Values kept per metric. @default 300 (5 minutes at 1 s) */
  capacity?: number;
  /** Metrics kept; the least recently updated is dropped beyond this. @default 512 */
  maxMetrics?: number;
}

interface Ring {
  times: Float64Array;
  values: Float64Array;
  next: number;
  length: number;
}

/** Creates ring-buffer history for sparklines: memory is fixed by capacity × maxMetrics. */
export function createHistory(options: HistoryOptions = {}): History {
  const capacity = Math.max(1, options.capacity ?? 300);
  const maxMetrics = Math.max(1, options.maxMetrics ?? 512);
  const rings = new Map<string, Ring>();

  return {
    record(metric, timeMs, value) {
      let ring = rings.get(metric);
      if (ring) {
        rings.delete(metric); // re-insert: Map order is then least recently updated first
      } else {
        if (rings.size >= maxMetrics) {
          const oldest = rings.keys().next().value;
          if (oldest !== undefined) rings.delete(oldest);
        }
        ring = {
          times: new Float64Array(capacity),
          values: new Float64Array(capacity),
          next: 0,
          length: 0,
        };
      }
      rings.set(metric, ring);
      ring.times[ring.next] = timeMs;
      ring.values[ring.next] = value;
      ring.next = (ring.next + 1) % capacity;
      ring.length = Math.min(capacity, ring.length + 1);
    },
    series(metric) {
      const ring = rings.get(metric);
      if (!ring) return { timesMs: [], values: [] };
      const timesMs: number[] = [];
      const values: number[] = [];
      const start = (ring.next - ring.length + capacity) % capacity;
      for (let offset = 0; offset < ring.length; offset += 1) {
        const index = (start + offset) % capacity;
        timesMs.push(ring.times[index] ?? 0);
        values.push(ring.values[index] ?? 0);
      }
      return { timesMs, values };
    },
    metrics: () => [...rings.keys()],
    clear: () => rings.clear(),
  };
}
