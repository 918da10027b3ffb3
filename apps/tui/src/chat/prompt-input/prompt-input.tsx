import { type Key, Text, useInput } from 'ink';
import { memo, useReducer } from 'react';
import { useTheme } from '../../theme.js';
import {
  emptyPromptInput,
  type PromptInputAction,
  promptInputReducer,
} from './use-prompt-input-state.js';

/** Maps a key press to an edit, or undefined when the input leaves the key to others (Esc, ctrl+letters). */
export const promptInputAction = (input: string, key: Key): PromptInputAction | undefined => {
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  if (key.home || (key.ctrl && input === 'a')) return { type: 'home' };
  if (key.end) return { type: 'end' };
  if (key.ctrl && input === 'w') return { type: 'delete-word' };
  if (key.ctrl && input === 'u') return { type: 'clear' };
  if (key.backspace) return { type: 'backspace' };
  if (key.delete) return { type: 'delete' };
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.upArrow || key.downArrow)
    return undefined;
  if (key.pageUp || key.pageDown) return undefined;
  return input ? { type: 'insert', text: input } : undefined;
};

export type PromptInputProps = {
  isActive: boolean;
  placeholder?: string;
  prefix?: string;
  /** The value it starts with (remount with a new `key` to reset it). */
  initialValue?: string;
  /** Called on Enter; returning false keeps the text (the screen could not take it now). */
  onSubmit: (value: string) => boolean | undefined;
  /** Submit an empty value too (settings fields); a chat prompt ignores Enter on nothing. @default false */
  allowEmpty?: boolean;
  /** Keep the text after Enter (settings fields). @default false */
  keepOnSubmit?: boolean;
  /** Called on every edit with the current value. */
  onChange?: (value: string) => void;
};

/** A one-line input that never swallows Esc or ctrl shortcuts (the screen handles those). */
const PromptInputView = ({
  isActive,
  placeholder = '',
  prefix = '› ',
  initialValue = '',
  allowEmpty = false,
  keepOnSubmit = false,
  onSubmit,
  onChange,
}: PromptInputProps) => {
  const theme = useTheme();
  const [state, dispatch] = useReducer(promptInputReducer, initialValue, (value) =>
    promptInputReducer(emptyPromptInput, { type: 'set', value }),
  );
  useInput(
    (input, key) => {
      // Text and Enter arriving in one read (fast typing, automation) is the text, then Enter.
      const typedThenEnter = !key.return && input.length > 1 && input.endsWith('\r');
      if (key.return || typedThenEnter) {
        const value = typedThenEnter
          ? promptInputReducer(state, { type: 'insert', text: input.slice(0, -1) }).value
          : state.value;
        if (typedThenEnter) dispatch({ type: 'insert', text: input.slice(0, -1) });
        if (value.trim() || allowEmpty) {
          const accepted = onSubmit(value);
          if (!keepOnSubmit && accepted !== false) {
            dispatch({ type: 'clear' });
            onChange?.('');
            return;
          }
        }
        if (value !== state.value) onChange?.(value);
        return;
      }
      const action = promptInputAction(input, key);
      if (!action) return;
      const next = promptInputReducer(state, action);
      dispatch(action);
      if (next.value !== state.value) onChange?.(next.value);
    },
    { isActive },
  );
  const before = state.value.slice(0, state.cursor);
  const at = state.value.slice(state.cursor, state.cursor + 1) || ' ';
  const after = state.value.slice(state.cursor + 1);
  return (
    <Text wrap="truncate-start">
      <Text color={theme.text.accent}>{prefix}</Text>
      {state.value === '' && !isActive ? (
        <Text color={theme.text.muted}>{placeholder}</Text>
      ) : (
        <>
          {before}
          {isActive ? <Text inverse>{at}</Text> : at}
          {after}
          {state.value === '' ? <Text color={theme.text.muted}>{placeholder}</Text> : null}
        </>
      )}
    </Text>
  );
};

/** Memoised: a screen re-rendering for other reasons (e.g. a streaming reply) does not redraw the input. */
export const PromptInput = memo(PromptInputView);
