import type { ProgressResponse } from './schemas/models';

/** One aggregated view of a pull (or push), across all its layers. */
export interface PullProgress {
  /** The latest status line from Ollama (`pulling manifest`, `pulling 6a0746a1ec1a`, `success`, ...). */
  status: string;
  /** Bytes done over all layers seen so far. */
  completedBytes: number;
  /** Total bytes over all layers seen so far (grows as layers appear). */
  totalBytes: number;
  /** `completedBytes / totalBytes` in 0..1, 0 while nothing is known. */
  fraction: number;
  /** Transfer rate over the recent window, bytes per second (0 until measurable). */
  bytesPerSecond: number;
  /** Estimated seconds left at the current rate; `undefined` while the rate is unknown. */
  etaSeconds: number | undefined;
  /** Layers seen, and how many of them are complete. */
  layers: number;
  layersDone: number;
  /** True once Ollama said `success`. */
  done: boolean;
}

interface Sample {
  at: number;
  bytes: number;
}

/** Options of {@link createPullProgress}. */
export interface PullProgressOptions {
  /** Clock in milliseconds; injectable for tests. @default performance.now */
  now?: () => number;
  /** Window for the rate, in milliseconds. @default 5000 */
  rateWindowMs?: number;
}

/**
 * Aggregates Ollama's per-layer progress lines (`{"status","digest","total","completed"}`,
 * ollama-api.md §5 POST /api/pull) into one figure: bytes done/total, rate and ETA.
 *
 * @example
 * const progress = createPullProgress();
 * for await (const line of stream) console.log(progress.update(line).fraction);
 */
export function createPullProgress(options: PullProgressOptions = {}): {
  update(line: ProgressResponse): PullProgress;
  readonly current: PullProgress;
} {
  const now = options.now ?? (() => performance.now());
  const windowMs = options.rateWindowMs ?? 5000;
  const layers = new Map<string, { total: number; completed: number }>();
  const samples: Sample[] = [];
  let current: PullProgress = {
    status: '',
    completedBytes: 0,
    totalBytes: 0,
    fraction: 0,
    bytesPerSecond: 0,
    etaSeconds: undefined,
    layers: 0,
    layersDone: 0,
    done: false,
  };

  function update(line: ProgressResponse): PullProgress {
    const at = now();
    if (line.digest && typeof line.total === 'number' && line.total > 0) {
      const completed = Math.min(line.completed ?? 0, line.total);
      const layer = layers.get(line.digest);
      // A layer's completed count only grows (a retried chunk can repeat a smaller value).
      if (!layer) layers.set(line.digest, { total: line.total, completed });
      else {
        layer.total = line.total;
        layer.completed = Math.max(layer.completed, completed);
      }
    }
    let completedBytes = 0;
    let totalBytes = 0;
    let layersDone = 0;
    for (const layer of layers.values()) {
      completedBytes += layer.completed;
      totalBytes += layer.total;
      if (layer.completed >= layer.total) layersDone++;
    }
    const done = line.status === 'success';
    if (done) completedBytes = totalBytes;
    samples.push({ at, bytes: completedBytes });
    while (samples.length > 2 && (samples[0] as Sample).at < at - windowMs) samples.shift();
    const first = samples[0] as Sample;
    const elapsedSeconds = (at - first.at) / 1000;
    const bytesPerSecond = elapsedSeconds > 0 ? (completedBytes - first.bytes) / elapsedSeconds : 0;
    const remaining = totalBytes - completedBytes;
    current = {
      status: line.status,
      completedBytes,
      totalBytes,
      fraction: totalBytes > 0 ? completedBytes / totalBytes : done ? 1 : 0,
      bytesPerSecond,
      etaSeconds: done ? 0 : bytesPerSecond > 0 ? remaining / bytesPerSecond : undefined,
      layers: layers.size,
      layersDone,
      done,
    };
    return current;
  }

  return {
    update,
    get current() {
      return current;
    },
  };
}
