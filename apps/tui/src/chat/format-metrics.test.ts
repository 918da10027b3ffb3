import { describe, expect, it } from 'vitest';
import { formatLive, formatReplyMetrics, formatTotals } from './format-metrics.js';

describe('formatReplyMetrics', () => {
  it('names every figure it has', () => {
    expect(
      formatReplyMetrics({
        promptTokens: 1234,
        outputTokens: 56,
        timeToFirstTokenMs: 210.4,
        loadMs: 1200,
        promptTokensPerSecond: 850,
        outputTokensPerSecond: 41.25,
      }),
    ).toBe(
      '1,234 in · 56 out · first token 210 ms · load 1.20 s · prompt 850.0 tok/s · 41.3 tok/s',
    );
    expect(formatReplyMetrics(undefined)).toBe('');
  });
});

describe('formatLive', () => {
  it('shows waiting, then tokens and the live rate', () => {
    const reply = { id: 'r', model: 'm', content: '', thinking: '', startedAt: 0, tokens: 0 };
    expect(formatLive(reply, 300)).toBe('waiting for m · 300 ms');
    expect(formatLive({ ...reply, tokens: 12, liveTokensPerSecond: 99.94 }, 1)).toBe(
      '12 tokens · 99.9 tok/s',
    );
  });
});

describe('formatTotals', () => {
  it('sums replies', () => {
    expect(formatTotals({ replies: 0, promptTokens: 0, outputTokens: 0, generationMs: 0 })).toBe(
      'no replies yet',
    );
    expect(
      formatTotals({ replies: 1, promptTokens: 10, outputTokens: 2000, generationMs: 5 }),
    ).toBe('1 reply · 10 in · 2,000 out');
  });
});
