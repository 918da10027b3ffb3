import type { ReplyMetrics } from './chat-state.js';

/** The fields of Ollama's final /api/chat chunk the metrics come from (durations in nanoseconds). */
export type FinalChunkFields = {
  prompt_eval_count?: number | null;
  eval_count?: number | null;
  load_duration?: number | null;
  prompt_eval_duration?: number | null;
  eval_duration?: number | null;
  total_duration?: number | null;
};

/** The client's GenerationTimings (@ollamamon/client), the fields the screen uses. */
export type ClientTimings = {
  ttftMs?: number | null;
  /** Client-measured tokens/s since the first token: live while streaming. */
  tokensPerSecond?: number | null;
  loadMs?: number | null;
  promptEvalCount?: number | null;
  promptTokensPerSecond?: number | null;
  evalCount?: number | null;
  evalTokensPerSecond?: number | null;
  totalMs?: number | null;
};

const definedNumber = (value: number | null | undefined): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

const perSecond = (count: number | undefined, nanoseconds: number | undefined) =>
  count !== undefined && nanoseconds !== undefined && nanoseconds > 0
    ? count / (nanoseconds / 1e9)
    : undefined;

const compact = (metrics: ReplyMetrics): ReplyMetrics =>
  Object.fromEntries(
    Object.entries(metrics).filter(([, value]) => value !== undefined),
  ) as ReplyMetrics;

/**
 * A reply's metrics: the client's timings first, Ollama's final chunk for what they lack
 * (see shared/ollama-api.md, "Durations in responses": nanoseconds).
 */
export const replyMetrics = (
  final: FinalChunkFields | undefined,
  timings: ClientTimings | undefined,
): ReplyMetrics => {
  const promptTokens =
    definedNumber(timings?.promptEvalCount) ?? definedNumber(final?.prompt_eval_count);
  const outputTokens = definedNumber(timings?.evalCount) ?? definedNumber(final?.eval_count);
  const loadNs = definedNumber(final?.load_duration);
  const totalNs = definedNumber(final?.total_duration);
  return compact({
    promptTokens,
    outputTokens,
    timeToFirstTokenMs: definedNumber(timings?.ttftMs),
    loadMs: definedNumber(timings?.loadMs) ?? (loadNs === undefined ? undefined : loadNs / 1e6),
    promptTokensPerSecond:
      definedNumber(timings?.promptTokensPerSecond) ??
      perSecond(promptTokens, definedNumber(final?.prompt_eval_duration)),
    outputTokensPerSecond:
      definedNumber(timings?.evalTokensPerSecond) ??
      perSecond(outputTokens, definedNumber(final?.eval_duration)),
    totalMs: definedNumber(timings?.totalMs) ?? (totalNs === undefined ? undefined : totalNs / 1e6),
  });
};
