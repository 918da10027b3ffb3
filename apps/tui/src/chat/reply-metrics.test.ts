import { describe, expect, it } from 'vitest';
import { replyMetrics } from './reply-metrics.js';

describe('replyMetrics', () => {
  it('turns the final chunk nanoseconds into milliseconds and rates', () => {
    expect(
      replyMetrics(
        {
          prompt_eval_count: 20,
          eval_count: 100,
          load_duration: 1_500_000_000,
          prompt_eval_duration: 100_000_000,
          eval_duration: 2_000_000_000,
          total_duration: 3_700_000_000,
        },
        undefined,
      ),
    ).toEqual({
      promptTokens: 20,
      outputTokens: 100,
      loadMs: 1500,
      promptTokensPerSecond: 200,
      outputTokensPerSecond: 50,
      totalMs: 3700,
    });
  });

  it('prefers the client timings and skips what nobody knows', () => {
    expect(
      replyMetrics(
        { eval_count: 10, eval_duration: 0 },
        { ttftMs: 120, evalTokensPerSecond: 33, tokensPerSecond: 35 },
      ),
    ).toEqual({ outputTokens: 10, timeToFirstTokenMs: 120, outputTokensPerSecond: 33 });
  });
});
