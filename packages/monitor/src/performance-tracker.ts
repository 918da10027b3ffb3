import type { FinalMetrics, GenerationTimings } from '@ollamamon/client';

/** The metric fields of Ollama's final generate/chat chunk (nanoseconds, see ollama-api.md §5). */
export type OllamaTimings = FinalMetrics;

/** One observed generation, in the units the store's usage table keeps. */
export interface PerformanceObservation {
  host: string;
  model: string;
  atMs: number;
  loadDurationMs: number | null;
  /** Prompt processing rate, tokens/s. */
  promptTokensPerSecond: number | null;
  /** Generation rate, tokens/s. */
  tokensPerSecond: number | null;
  promptTokens: number | null;
  outputTokens: number | null;
  totalDurationMs: number | null;
}

export interface ModelPerformance {
  host: string;
  model: string;
  count: number;
  last: PerformanceObservation;
  meanTokensPerSecond: number | null;
  meanLoadDurationMs: number | null;
  /** Loads only: observations whose load took longer than 10 ms (a model already loaded reports ~0). */
  loads: number;
}

export interface ObserveInput {
  /** @default 'default' */
  host?: string;
  model: string;
  /** Ollama's final chunk (nanosecond metrics). */
  response?: OllamaTimings;
  /** Or the client's timings (`result.timings`, `stream.timings`). */
  timings?: Pick<
    GenerationTimings,
    | 'loadMs'
    | 'promptEvalCount'
    | 'promptTokensPerSecond'
    | 'evalCount'
    | 'evalTokensPerSecond'
    | 'totalMs'
  >;
  atMs?: number;
}

export interface PerformanceTracker {
  /** Records the timings of a finished response; returns the observation (for the store's usage table). */
  /**
   * Records a finished generation, from Ollama's final chunk (`response`) or the client's
   * `timings`; returns the observation (for the store's usage table).
   */
  observe(input: ObserveInput): PerformanceObservation;
  summary(): ModelPerformance[];
}

const nanosecondsPerMs = 1e6;

function rate(
  count: number | null | undefined,
  durationNs: number | null | undefined,
): number | null {
  if (!count || !durationNs || durationNs <= 0) return null;
  return count / (durationNs / 1e9);
}

function toMs(durationNs: number | null | undefined): number | null {
  return typeof durationNs === 'number' ? durationNs / nanosecondsPerMs : null;
}

/**
 * Tracks load durations and tokens/s per host and model from responses the apps see. Fixed memory:
 * running sums per model, at most `maxModels` models. `onObservation` hands each one to the app
 * (which writes it to the store).
 */
export function createPerformanceTracker(
  options: {
    maxModels?: number;
    onObservation?: (observation: PerformanceObservation) => void;
  } = {},
): PerformanceTracker {
  const maxModels = options.maxModels ?? 256;
  const entries = new Map<
    string,
    { summary: ModelPerformance; rateSum: number; rateCount: number; loadSum: number }
  >();

  return {
    observe({ host = 'default', model, response = {}, timings, atMs = Date.now() }) {
      const observation: PerformanceObservation = timings
        ? {
            host,
            model,
            atMs,
            loadDurationMs: timings.loadMs ?? null,
            promptTokensPerSecond: timings.promptTokensPerSecond ?? null,
            tokensPerSecond: timings.evalTokensPerSecond ?? null,
            promptTokens: timings.promptEvalCount ?? null,
            outputTokens: timings.evalCount ?? null,
            totalDurationMs: timings.totalMs ?? null,
          }
        : {
            host,
            model,
            atMs,
            loadDurationMs: toMs(response.load_duration),
            promptTokensPerSecond: rate(response.prompt_eval_count, response.prompt_eval_duration),
            tokensPerSecond: rate(response.eval_count, response.eval_duration),
            promptTokens: response.prompt_eval_count ?? null,
            outputTokens: response.eval_count ?? null,
            totalDurationMs: toMs(response.total_duration),
          };
      const key = `${host}\u0000${model}`;
      let entry = entries.get(key);
      if (!entry) {
        if (entries.size >= maxModels) {
          const oldest = entries.keys().next().value;
          if (oldest !== undefined) entries.delete(oldest);
        }
        entry = {
          summary: {
            host,
            model,
            count: 0,
            last: observation,
            meanTokensPerSecond: null,
            meanLoadDurationMs: null,
            loads: 0,
          },
          rateSum: 0,
          rateCount: 0,
          loadSum: 0,
        };
        entries.set(key, entry);
      }
      const summary = entry.summary;
      summary.count += 1;
      summary.last = observation;
      if (observation.tokensPerSecond !== null) {
        entry.rateSum += observation.tokensPerSecond;
        entry.rateCount += 1;
        summary.meanTokensPerSecond = entry.rateSum / entry.rateCount;
      }
      if (observation.loadDurationMs !== null && observation.loadDurationMs > 10) {
        entry.loadSum += observation.loadDurationMs;
        summary.loads += 1;
        summary.meanLoadDurationMs = entry.loadSum / summary.loads;
      }
      options.onObservation?.(observation);
      return observation;
    },
    summary: () => [...entries.values()].map((entry) => ({ ...entry.summary })),
  };
}
