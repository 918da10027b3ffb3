import { describe, expect, it } from 'vitest';
import { osc52Sequence } from './osc52.js';

describe('osc52Sequence', () => {
  it('wraps the base64 text in the set-clipboard sequence', () => {
    expect(osc52Sequence('héllo')).toBe('\u001b]52;c;aMOpbGxv\u0007');
  });
});
