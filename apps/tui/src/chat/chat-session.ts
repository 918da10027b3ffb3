/**
 * The chat state outside React: the driver dispatches into it synchronously (so what it persists is always
 * the latest state), and the screen subscribes with useSyncExternalStore.
 */
import { type ChatAction, type ChatState, chatReducer, initialChatState } from './chat-state.js';

export type ChatSession = {
  getState: () => ChatState;
  dispatch: (action: ChatAction) => void;
  subscribe: (listener: () => void) => () => void;
};

export const createChatSession = (initial: ChatState = initialChatState()): ChatSession => {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = chatReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
