import type { ServerResponse } from 'node:http';
import type { AppliedFault } from './faults.js';
import {
  type GenerationInput,
  type GenerationPlan,
  type PlannedToken,
  planGeneration,
} from './generation.js';
import { NdjsonStream } from './ndjson-stream.js';
import type { Rates } from './rates.js';
import type { SimulatorSettings } from './simulator-state.js';
import { sleep } from './sleep.js';

/** Ollama's metrics block (durations in ns). Zero values are left out, as Go's omitempty does. */
export interface Metrics {
  total_duration?: number;
  load_duration?: number;
  prompt_eval_count?: number;
  prompt_eval_duration?: number;
  eval_count?: number;
  eval_duration?: number;
}

export interface GenerationRequest {
  settings: SimulatorSettings;
  rates: Rates;
  response: ServerResponse;
  fault: AppliedFault | undefined;
  signal: AbortSignal;
  stream: boolean;
  /** performance.now() when the request arrived. */
  startedMs: number;
  loadMs: number;
  promptTokens: number;
  input: GenerationInput;
  /** A streamed chunk for one planned token, serialised to JSON. */
  chunk: (token: PlannedToken) => string;
  /** The final chunk. */
  final: (plan: GenerationPlan, metrics: Metrics) => Record<string, unknown>;
  /** The single object of a `stream:false` answer, from all tokens and the final chunk. */
  gather: (tokens: PlannedToken[], final: Record<string, unknown>) => Record<string, unknown>;
}

const msToNs = (ms: number): number => Math.max(1, Math.round(ms * 1e6));

/** Adds the non-zero metrics to a chunk, in Go's field order. */
export function metricsOf(values: Record<keyof Metrics, number>): Metrics {
  const metrics: Metrics = {};
  for (const key of [
    'total_duration',
    'load_duration',
    'prompt_eval_count',
    'prompt_eval_duration',
    'eval_count',
    'eval_duration',
  ] as const) {
    if (values[key] !== 0) metrics[key] = values[key];
  }
  return metrics;
}

/**
 * Runs a planned generation with the configured timing: prompt evaluation, then one token per
 * `tokenDelayMs` (paced against the clock, so sub-millisecond delays average out). Streams
 * NDJSON or returns the gathered object; returns `undefined` when it streamed (or the client left).
 */
export async function runGeneration(
  request: GenerationRequest,
): Promise<Record<string, unknown> | undefined> {
  const { settings, signal } = request;
  const promptStarted = performance.now();
  const promptMs =
    (request.promptTokens / request.rates.promptTokensPerSecond) * 1000 +
    settings.firstTokenDelayMs;
  await sleep(promptMs, signal);
  const promptDoneMs = performance.now();
  const plan = planGeneration(request.input);
  const finish = (): Record<string, unknown> => {
    const now = performance.now();
    return request.final(
      plan,
      metricsOf({
        total_duration: msToNs(now - request.startedMs),
        load_duration: msToNs(request.loadMs),
        prompt_eval_count: request.promptTokens,
        prompt_eval_duration: msToNs(promptDoneMs - promptStarted),
        eval_count: plan.evalCount,
        eval_duration: msToNs(now - promptDoneMs),
      }),
    );
  };
  const delay = request.rates.tokenDelayMs;
  let due = promptDoneMs;
  const pace = async (): Promise<void> => {
    due += delay;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait, signal);
  };

  // Waits under a millisecond are folded into later ones; the last token is not early, so
  // eval_duration is never shorter than count × delay.
  const settle = async (): Promise<void> => {
    if (delay > 0 && due > performance.now()) await sleep(due - performance.now(), signal);
  };

  if (!request.stream) {
    if (delay > 0) for (const _token of plan.tokens) await pace();
    await settle();
    return request.gather(plan.tokens, finish());
  }

  const stream = new NdjsonStream(request.response, request.fault);
  if (delay <= 0) stream.batch(64);
  try {
    for (const token of plan.tokens) {
      if (delay > 0) await pace();
      if (!stream.writeText(request.chunk(token))) await stream.flush();
      if (stream.closed || signal.aborted) return undefined;
    }
    await settle();
    if (!stream.write(finish())) await stream.flush();
    stream.end();
  } catch (error) {
    if (signal.aborted) return undefined;
    stream.fail(error);
  }
  return undefined;
}
