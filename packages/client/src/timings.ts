import type { ChatResponse } from './schemas/generation';

/** Server metrics of a final chunk (nanoseconds, as Ollama sends them): the response schema's fields. */
export type FinalMetrics = Pick<
  ChatResponse,
  | 'total_duration'
  | 'load_duration'
  | 'prompt_eval_count'
  | 'prompt_eval_duration'
  | 'eval_count'
  | 'eval_duration'
>;

/**
 * Timings of one generation. Client-side figures are measured by this client; server figures
 * come from Ollama's final chunk (ollama-api.md §5: nanoseconds, omitted when 0).
 */
export interface GenerationTimings {
  /** Time to first token: request start to the first chunk, measured by the client (ms). */
  ttftMs: number | undefined;
  /** Request start to now (while streaming) or to the final chunk (ms). */
  elapsedMs: number;
  /** Chunks received that carry generated text (tokens, roughly one per chunk). */
  chunks: number;
  /** Client-measured tokens/s since the first token (live while streaming). */
  tokensPerSecond: number | undefined;
  /** True once the final chunk arrived. */
  done: boolean;
  /** Server: model load time (ms). */
  loadMs: number | undefined;
  /** Server: prompt evaluation time (ms), prompt tokens and rate. */
  promptEvalMs: number | undefined;
  promptEvalCount: number | undefined;
  promptTokensPerSecond: number | undefined;
  /** Server: generation time (ms), generated tokens and rate. */
  evalMs: number | undefined;
  evalCount: number | undefined;
  evalTokensPerSecond: number | undefined;
  /** Server: whole request time (ms). */
  totalMs: number | undefined;
}

function ms(nanoseconds: number | null | undefined): number | undefined {
  return typeof nanoseconds === 'number' ? nanoseconds / 1e6 : undefined;
}

function rate(count: number | null | undefined, nanoseconds: number | null | undefined) {
  return typeof count === 'number' && typeof nanoseconds === 'number' && nanoseconds > 0
    ? count / (nanoseconds / 1e9)
    : undefined;
}

/** Build {@link GenerationTimings} from the client's clock readings and the final chunk. */
export function computeTimings(input: {
  startedAt: number;
  firstTokenAt: number | undefined;
  lastTokenAt: number | undefined;
  endedAt: number | undefined;
  chunks: number;
  final: FinalMetrics | undefined;
  now: number;
}): GenerationTimings {
  const end = input.endedAt ?? input.now;
  const first = input.firstTokenAt;
  const last = input.endedAt === undefined ? input.now : (input.lastTokenAt ?? end);
  const spanSeconds = first === undefined ? 0 : (last - first) / 1000;
  const final = input.final;
  return {
    ttftMs: first === undefined ? undefined : first - input.startedAt,
    elapsedMs: end - input.startedAt,
    chunks: input.chunks,
    tokensPerSecond:
      spanSeconds > 0 && input.chunks > 1 ? (input.chunks - 1) / spanSeconds : undefined,
    done: input.endedAt !== undefined,
    loadMs: ms(final?.load_duration),
    promptEvalMs: ms(final?.prompt_eval_duration),
    promptEvalCount: final?.prompt_eval_count ?? undefined,
    promptTokensPerSecond: rate(final?.prompt_eval_count, final?.prompt_eval_duration),
    evalMs: ms(final?.eval_duration),
    evalCount: final?.eval_count ?? undefined,
    evalTokensPerSecond: rate(final?.eval_count, final?.eval_duration),
    totalMs: ms(final?.total_duration),
  };
}
