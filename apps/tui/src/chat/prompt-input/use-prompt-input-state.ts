/** A one-line text input as a pure reducer: value, cursor, and the edits a terminal can send. */

export type PromptInputState = { value: string; cursor: number };

export type PromptInputAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'delete-word' }
  | { type: 'clear' }
  | { type: 'set'; value: string };

export const emptyPromptInput: PromptInputState = { value: '', cursor: 0 };

export const promptInputReducer = (
  state: PromptInputState,
  action: PromptInputAction,
): PromptInputState => {
  const { value, cursor } = state;
  switch (action.type) {
    case 'insert': {
      // Pasted newlines become spaces: the prompt is one line, Enter sends.
      const text = action.text.replace(/\r\n|\r|\n/g, ' ');
      return {
        value: value.slice(0, cursor) + text + value.slice(cursor),
        cursor: cursor + text.length,
      };
    }
    case 'backspace':
      return cursor === 0
        ? state
        : { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return { value: value.slice(0, cursor) + value.slice(cursor + 1), cursor };
    case 'left':
      return { value, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { value, cursor: Math.min(value.length, cursor + 1) };
    case 'home':
      return { value, cursor: 0 };
    case 'end':
      return { value, cursor: value.length };
    case 'delete-word': {
      const before = value.slice(0, cursor).replace(/\S*\s*$/, '');
      return { value: before + value.slice(cursor), cursor: before.length };
    }
    case 'clear':
      return emptyPromptInput;
    case 'set':
      return { value: action.value, cursor: action.value.length };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
};
