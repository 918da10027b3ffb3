import { describe, expect, it } from 'vitest';
import {
  emptyPromptInput,
  type PromptInputAction,
  promptInputReducer,
} from './use-prompt-input-state.js';

const apply = (...actions: PromptInputAction[]) =>
  actions.reduce(promptInputReducer, emptyPromptInput);

describe('promptInputReducer', () => {
  it('inserts at the cursor and edits around it', () => {
    expect(
      apply(
        { type: 'insert', text: 'helo' },
        { type: 'left' },
        { type: 'insert', text: 'l' },
        { type: 'end' },
        { type: 'insert', text: '!' },
      ),
    ).toEqual({ value: 'hello!', cursor: 6 });
    expect(apply({ type: 'insert', text: 'ab' }, { type: 'home' }, { type: 'delete' })).toEqual({
      value: 'b',
      cursor: 0,
    });
    expect(
      apply(
        { type: 'insert', text: 'ab' },
        { type: 'backspace' },
        { type: 'backspace' },
        { type: 'backspace' },
      ),
    ).toEqual(emptyPromptInput);
  });

  it('deletes the word before the cursor and turns pasted newlines into spaces', () => {
    expect(apply({ type: 'insert', text: 'one two  ' }, { type: 'delete-word' })).toEqual({
      value: 'one ',
      cursor: 4,
    });
    expect(apply({ type: 'insert', text: 'a\nb\r\nc' }).value).toBe('a b c');
  });
});
