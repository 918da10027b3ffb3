/**
 * The bench (bench/run.ts) runs the real app in three ways through OLLAMAMON_CHAT_RENDER:
 * - `coalesced` (as shipped): tokens are coalesced into ~30 updates a second, the transcript is windowed;
 * - `per-token`: one state update per token, same windowed view (isolates the cost of the updates);
 * - `naive`: one update per token and the whole transcript rendered on each (what a first version does).
 * Nothing else reads this.
 */
export type ChatRenderMode = 'coalesced' | 'per-token' | 'naive';

export const chatRenderMode = (env: NodeJS.ProcessEnv = process.env): ChatRenderMode => {
  const value = env.OLLAMAMON_CHAT_RENDER;
  return value === 'naive' || value === 'per-token' ? value : 'coalesced';
};
