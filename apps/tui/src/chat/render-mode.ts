/**
 * The bench (bench/run.ts) runs the real app twice: as shipped, and with OLLAMAMON_CHAT_RENDER=naive, which
 * dispatches one state update per token and renders the whole transcript on each (what a first version would
 * do). Nothing else reads this.
 */
export type ChatRenderMode = 'coalesced' | 'naive';

export const chatRenderMode = (env: NodeJS.ProcessEnv = process.env): ChatRenderMode =>
  env.OLLAMAMON_CHAT_RENDER === 'naive' ? 'naive' : 'coalesced';
