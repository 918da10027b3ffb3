import type { SourcePosition } from './types';

/** Maps offsets of a text to 1-based lines and code-point columns (`\r\n`, `\n`, `\r` end a line). */
export interface LineIndex {
  positionAt(offset: number): SourcePosition;
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    } else if (code === 10) {
      starts.push(index + 1);
    }
  }
  return {
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= clamped) low = middle;
        else high = middle - 1;
      }
      const lineStart = starts[low]!;
      let column = 1;
      for (let index = lineStart; index < clamped; index++) {
        const code = text.charCodeAt(index);
        const isLow = code >= 0xdc00 && code <= 0xdfff;
        const previous = text.charCodeAt(index - 1);
        if (isLow && index > lineStart && previous >= 0xd800 && previous <= 0xdbff) continue;
        column++;
      }
      return { offset: clamped, line: low + 1, column };
    },
  };
}
