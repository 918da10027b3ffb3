/**
 * The chat state outside React: the driver dispatches into it synchronously (so what it persists is always
 * the latest state), and the screen subscribes with useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react';
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

/**
 * One slice of the session's state, re-rendering only when that slice changes (by identity). The reducer keeps
 * untouched slices as they were, so e.g. `state.messages` stays the same object while a reply streams.
 */
export const useSessionValue = <Value>(
  session: ChatSession,
  select: (state: ChatState) => Value,
): Value => useSyncExternalStore(session.subscribe, () => select(session.getState()));
