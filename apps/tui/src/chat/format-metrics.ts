import type { ChatTotals, ReplyMetrics, StreamingReply } from './chat-state.js';

const number = (value: number) => value.toLocaleString('en-US');

const duration = (milliseconds: number): string =>
  milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;

const rate = (value: number) => `${value.toFixed(1)} tok/s`;

/** "12 in · 340 out · first token 210 ms · load 1.20 s · prompt 850.0 tok/s · 41.3 tok/s" */
export const formatReplyMetrics = (metrics: ReplyMetrics | undefined): string => {
  if (!metrics) return '';
  const parts: string[] = [];
  if (metrics.promptTokens !== undefined) parts.push(`${number(metrics.promptTokens)} in`);
  if (metrics.outputTokens !== undefined) parts.push(`${number(metrics.outputTokens)} out`);
  if (metrics.timeToFirstTokenMs !== undefined)
    parts.push(`first token ${duration(metrics.timeToFirstTokenMs)}`);
  if (metrics.loadMs !== undefined) parts.push(`load ${duration(metrics.loadMs)}`);
  if (metrics.promptTokensPerSecond !== undefined)
    parts.push(`prompt ${rate(metrics.promptTokensPerSecond)}`);
  if (metrics.outputTokensPerSecond !== undefined) parts.push(rate(metrics.outputTokensPerSecond));
  return parts.join(' · ');
};

/** The live line under a streaming reply. */
export const formatLive = (reply: StreamingReply, now: number): string => {
  if (reply.tokens === 0) return `waiting for ${reply.model} · ${duration(now - reply.startedAt)}`;
  const parts = [`${number(reply.tokens)} tokens`];
  if (reply.liveTokensPerSecond !== undefined) parts.push(rate(reply.liveTokensPerSecond));
  return parts.join(' · ');
};

/** "3 replies · 1,234 in · 5,678 out" */
export const formatTotals = (totals: ChatTotals): string =>
  totals.replies === 0
    ? 'no replies yet'
    : `${number(totals.replies)} ${totals.replies === 1 ? 'reply' : 'replies'} · ${number(totals.promptTokens)} in · ${number(totals.outputTokens)} out`;
