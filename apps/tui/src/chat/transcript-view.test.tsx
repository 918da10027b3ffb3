import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test-utils/render.js';
import type { ChatMessage } from './chat-state.js';
import { transcriptWindow } from './transcript.js';
import { TranscriptView } from './transcript-view.js';

const reply = (id: string, content: string): ChatMessage => ({
  id,
  role: 'assistant',
  content,
  model: 'llama3.2:1b',
  createdAt: 0,
  metrics: { promptTokens: 3, outputTokens: 9, timeToFirstTokenMs: 120 },
});

describe('TranscriptView', () => {
  it('renders Markdown with highlighted code and keeps the newest rows when they overflow', () => {
    const messages: ChatMessage[] = [
      { id: 'u', role: 'user', content: 'Show me code', createdAt: 0 },
      reply(
        'a',
        '# Title\n\nSome **bold** text and `inline`.\n\n```js\nconst answer = 42; // yes\n```\n\n- one\n- two',
      ),
    ];
    // A window estimate that is too generous: the view still shows the end, cut at the top.
    const window = transcriptWindow({ messages, width: 60, height: 100 });
    const { lastFrame } = renderWithProviders(
      <TranscriptView
        items={window.items}
        hiddenAbove={false}
        height={12}
        expandThinking={false}
      />,
    );
    const frame = lastFrame() ?? '';
    expect(frame.split('\n')).toHaveLength(12);
    expect(frame).toContain('const answer = 42; // yes');
    expect(frame).toContain('• one');
    expect(frame).toContain('• two');
    expect(frame).toContain('3 in · 9 out · first token 120 ms');
    expect(frame).not.toContain('Show me code');
  });
});
