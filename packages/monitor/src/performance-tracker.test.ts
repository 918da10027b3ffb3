import { describe, expect, it } from 'vitest';
import { createPerformanceTracker, type PerformanceObservation } from './performance-tracker.js';

describe('createPerformanceTracker', () => {
  it('turns Ollama nanosecond metrics into ms and tokens/s, and counts only real loads', () => {
    const seen: PerformanceObservation[] = [];
    const tracker = createPerformanceTracker({
      onObservation: (observation) => seen.push(observation),
    });
    const cold = tracker.observe({
      host: 'local',
      model: 'llama3.1:8b',
      atMs: 1,
      response: {
        load_duration: 2_500_000_000,
        eval_count: 100,
        eval_duration: 2_000_000_000,
        prompt_eval_count: 26,
        prompt_eval_duration: 130_000_000,
        total_duration: 4_700_000_000,
      },
    });
    expect(cold).toEqual({
      host: 'local',
      model: 'llama3.1:8b',
      atMs: 1,
      loadDurationMs: 2500,
      promptTokensPerSecond: 200,
      tokensPerSecond: 50,
      promptTokens: 26,
      outputTokens: 100,
      totalDurationMs: 4700,
    });
    tracker.observe({
      host: 'local',
      model: 'llama3.1:8b',
      response: { load_duration: 3_000_000, eval_count: 60, eval_duration: 1_000_000_000 },
    });
    expect(tracker.summary()).toMatchObject([
      { count: 2, loads: 1, meanLoadDurationMs: 2500, meanTokensPerSecond: 55 },
    ]);
    expect(seen).toHaveLength(2);
  });
});
