import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parse-markdown.js';
import { createStreamingMarkdown } from './parse-streaming-markdown.js';

const reply = [
  '# Plan',
  'Some text that goes on for a while. '.repeat(20),
  '- one\n- two\n  more',
  `\`\`\`python\nprint(1)\n\n\nprint(2)\n${'x = 1\n'.repeat(100)}\`\`\``,
  '> quoted\n> more',
  'A closing paragraph with **bold** text. '.repeat(30),
  '```js\nconst open = true;\n\nstill open',
].join('\n\n');

describe('createStreamingMarkdown', () => {
  it('gives the same blocks as a full parse at every length, reusing the stable ones', () => {
    const streaming = createStreamingMarkdown();
    let previous: ReturnType<typeof parseMarkdown> = [];
    let reused = 0;
    for (let length = 1; length <= reply.length; length += 7) {
      const content = reply.slice(0, length);
      const blocks = streaming.parse(content);
      expect(blocks).toEqual(parseMarkdown(content));
      reused += blocks.filter((block, index) => previous[index] === block).length;
      previous = blocks;
    }
    expect(streaming.parse(reply)).toEqual(parseMarkdown(reply));
    expect(reused).toBeGreaterThan(100);
  });

  it('starts over for a different reply', () => {
    const streaming = createStreamingMarkdown();
    streaming.parse(`${'a '.repeat(400)}\n\nnext`);
    expect(streaming.parse('other')).toEqual([{ kind: 'paragraph', text: 'other' }]);
  });
});
