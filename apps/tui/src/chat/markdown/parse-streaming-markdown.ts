/**
 * Parses a reply that keeps growing without re-parsing all of it on every flush: the part up to the last blank
 * line outside a code fence is parsed once and its blocks are kept (same objects, so memoised components skip
 * them); only the open tail is parsed again. Splitting at a blank line outside a fence gives the same blocks as
 * one parse: every block this parser knows ends at a blank line.
 */
import { type MarkdownBlock, parseMarkdown } from './parse-markdown.js';

export type StreamingMarkdown = {
  /** The blocks of `content`, stable ones first (identical objects from call to call). */
  parse(content: string): MarkdownBlock[];
};

/** Re-parse the tail only once it has grown by at least this much since the stable part last advanced. */
const minimumStep = 512;

export const createStreamingMarkdown = (): StreamingMarkdown => {
  let stableLength = 0;
  let stableBlocks: MarkdownBlock[] = [];
  let source = '';
  return {
    parse(content) {
      if (!content.startsWith(source.slice(0, stableLength))) {
        // A different text (a new reply): start over.
        stableLength = 0;
        stableBlocks = [];
      }
      source = content;
      const boundary = content.lastIndexOf('\n\n');
      if (boundary - stableLength >= minimumStep) {
        const segment = parseMarkdown(content.slice(stableLength, boundary));
        const last = segment.at(-1);
        // Inside an open fence the blank line is code, not a boundary: wait for the fence to close.
        if (!(last?.kind === 'code' && !last.closed)) {
          stableBlocks = [...stableBlocks, ...segment];
          stableLength = boundary + 2;
        }
      }
      return [...stableBlocks, ...parseMarkdown(content.slice(stableLength))];
    },
  };
};
